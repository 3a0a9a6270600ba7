import type { ReportsMessageKey } from '../../i18n/reports.en';
import type { ReportsT } from './logic';

const POINTS: readonly ReportsMessageKey[] = [
  'reports.help.conversation',
  'reports.help.firstResponse',
  'reports.help.resolution',
  'reports.help.reopen',
  'reports.help.transfer',
  'reports.help.sla',
  'reports.help.hours',
  'reports.help.range',
  'reports.help.docs',
];

/** "How figures are counted": the definitions of docs/reports.md in short, in the user's language. */
export function Help({ t }: { readonly t: ReportsT }) {
  return (
    <details className="reports-help">
      <summary>{t('reports.help')}</summary>
      <ul>
        {POINTS.map(k => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
    </details>
  );
}
