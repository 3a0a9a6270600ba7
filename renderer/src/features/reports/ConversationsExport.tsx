import { useId, useState } from 'react';
import type { ReportsConversationsArgs } from '../../../../common/protocol-reports';
import type { ReportsMessageKey } from '../../i18n/reports.en';
import type { ReportsT } from './logic';
import { errorText } from './logic';
import type { ConversationQuery, Names } from './export';
import { exportConversations } from './export';

type Status = ReportsConversationsArgs['status'];
const STATUSES: readonly [Status, ReportsMessageKey][] = [
  ['all', 'reports.conv.all'],
  ['resolved', 'reports.conv.resolved'],
  ['open', 'reports.conv.open'],
  ['reopened', 'reports.conv.reopened'],
];

type Props = {
  readonly t: ReportsT;
  readonly query: Omit<ConversationQuery, 'status'>;
  readonly names: Names;
  readonly online: boolean;
};

/** CSV of the conversations behind the figures, read page by page from the server. */
export function ConversationsExport({ t, query, names, online }: Props) {
  const id = useId();
  const [status, setStatus] = useState<Status>('all');
  const [note, setNote] = useState<{ kind: 'busy' | 'ok' | 'error'; text: string } | null>(null);
  const run = async () => {
    setNote({ kind: 'busy', text: t('reports.conv.reading', { count: 0 }) });
    const file = `${t('reports.conv.file')}-${status}-${query.from}-${query.to}.csv`;
    const r = await exportConversations({ ...query, status }, names, file, count =>
      setNote({ kind: 'busy', text: t('reports.conv.reading', { count }) }),
    );
    if (!r.ok) return setNote({ kind: 'error', text: errorText(t, r.error.code) });
    const { count, capped } = r.value;
    setNote({ kind: 'ok', text: t(capped ? 'reports.conv.capped' : 'reports.conv.exported', { count, file }) });
  };
  return (
    <section className="reports-panel" aria-label={t('reports.conv.heading')}>
      <header className="reports-panel-head">
        <h3>{t('reports.conv.heading')}</h3>
      </header>
      <div className="reports-table-actions">
        <label htmlFor={`${id}-which`}>{t('reports.conv.which')}</label>
        <select id={`${id}-which`} value={status} onChange={e => setStatus(e.target.value as Status)}>
          {STATUSES.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!online || note?.kind === 'busy'} onClick={() => void run()}>
          {t('reports.conv.export')}
        </button>
      </div>
      {note && (
        <p
          role={note.kind === 'error' ? 'alert' : 'status'}
          className={note.kind === 'error' ? 'team-error' : 'team-ok'}
        >
          {note.text}
        </p>
      )}
    </section>
  );
}
