import type { WireReport } from '../../../../common/protocol-reports';
import type { ReportsMessageKey } from '../../i18n/reports.en';
import type { ReportsT } from './logic';
import { formatDuration, formatPct, hasSlaTargets } from './logic';

type Count = keyof WireReport['totals'];
const COUNTS: readonly [Count, ReportsMessageKey][] = [
  ['opened', 'reports.card.opened'],
  ['resolved', 'reports.card.resolved'],
  ['reopened', 'reports.card.reopened'],
  ['messagesIn', 'reports.card.messagesIn'],
  ['messagesOut', 'reports.card.messagesOut'],
];

/** The headline figures: five counts, first response and resolution (median, p90), SLA met when a number has a target. */
export function Cards({ t, report }: { readonly t: ReportsT; readonly report: WireReport }) {
  const duration = (key: ReportsMessageKey, stats: WireReport['firstResponse']) => (
    <div className="reports-card reports-card-wide" data-testid="reports-card">
      <span className="reports-card-label">{t(key)}</span>
      <span className="reports-card-value">{formatDuration(t, stats.medianMs)}</span>
      <span className="reports-card-sub">
        {t('reports.card.median')} · {t('reports.card.p90')} {formatDuration(t, stats.p90Ms)} ·{' '}
        {t('reports.card.samples', { count: stats.count })}
      </span>
    </div>
  );
  return (
    <div className="reports-cards">
      {COUNTS.map(([field, key]) => (
        <div key={field} className="reports-card" data-testid="reports-card">
          <span className="reports-card-label">{t(key)}</span>
          <span className="reports-card-value">{report.totals[field].toLocaleString()}</span>
        </div>
      ))}
      {duration('reports.card.firstResponse', report.firstResponse)}
      {duration('reports.card.resolution', report.resolution)}
      {hasSlaTargets(report) && (
        <div className="reports-card reports-card-wide" data-testid="reports-card-sla">
          <span className="reports-card-label">{t('reports.card.sla')}</span>
          <span className="reports-card-value">{formatPct(t, report.sla.metPct)}</span>
          <span className="reports-card-sub">
            {t('reports.card.slaSub', { met: report.sla.met, missed: report.sla.missed, waiting: report.sla.waiting })}
          </span>
        </div>
      )}
    </div>
  );
}
