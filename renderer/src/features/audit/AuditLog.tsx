import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AuditEntry } from '../../../../common/api/audit';
import type { Role } from '../../../../common/domain';
import { can } from '../../../../common/permissions';
import { api } from '../../api/client';
import { useInbox } from '../../stores/inbox';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { exportCsv } from './export';
import type { AuditFilters as Filters, AuditQuery, AuditT } from './logic';
import { NO_FILTERS, errorText, isFiltered, queryOf } from './logic';
import { useAuditT, useTimeFormat } from './useAuditT';
import './audit.css';

const PAGE = 100;

/**
 * Settings → Audit log, for admins (every entry) and leads (entries about their numbers'
 * chats; the server decides). Renders nothing for agents or without a workspace. Opened on
 * demand: the log lives on the server and may be long.
 */
export function AuditLog() {
  const t = useAuditT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const [open, setOpen] = useState(false);
  const headingId = useId();
  useEffect(() => retainWorkspace(), []);

  if (!me || connection === 'signed_out' || !can(me.role, 'audit.read')) return null;
  const online = connection === 'online';
  return (
    <section className="audit-log" aria-labelledby={headingId} data-testid="audit-log">
      <h3 id={headingId}>{t('audit.heading')}</h3>
      <p className="team-hint">{t(me.role === 'admin' ? 'audit.intro.admin' : 'audit.intro.lead')}</p>
      {!online && <p className="team-banner team-banner-warn">{t('audit.offline')}</p>}
      <button type="button" aria-expanded={open} onClick={() => setOpen(o => !o)}>
        {t(open ? 'audit.close' : 'audit.open')}
      </button>
      {open && <AuditBrowser t={t} role={me.role} online={online} />}
    </section>
  );
}

type Status = { readonly kind: 'idle' | 'loading' | 'error' | 'done'; readonly text?: string };

function AuditBrowser({ t, role, online }: { readonly t: AuditT; readonly role: Role; readonly online: boolean }) {
  const members = useWorkspace(s => s.members);
  const chats = useInbox(s => s.chats);
  const formatTime = useTimeFormat();
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [applied, setApplied] = useState<{ filters: Filters; query: AuditQuery }>({ filters: NO_FILTERS, query: {} });
  const [entries, setEntries] = useState<readonly AuditEntry[]>([]);
  const [nextCursor, setNextCursor] = useState<number | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [exportNote, setExportNote] = useState<Status>({ kind: 'idle' });
  // Only the newest request may fill the table: an older, slower answer is dropped.
  const request = useRef(0);

  const load = useCallback(
    async (query: AuditQuery, cursor: number | null) => {
      const mine = ++request.current;
      setStatus({ kind: 'loading' });
      const r = await api().invoke('audit:list', { ...query, limit: PAGE, ...(cursor === null ? {} : { cursor }) });
      if (mine !== request.current) return;
      if (!r.ok) return setStatus({ kind: 'error', text: errorText(t, r.error.code) });
      setEntries(prev => (cursor === null ? r.value.entries : [...prev, ...r.value.entries]));
      setNextCursor(r.value.nextCursor);
      setStatus({ kind: 'done' });
    },
    [t],
  );

  useEffect(() => {
    void load({}, null);
  }, [load]);

  const apply = (filters: Filters) => {
    const query = queryOf(filters);
    if (!query) return setStatus({ kind: 'error', text: t('audit.filter.badDates') });
    setApplied({ filters, query });
    setEntries([]);
    setNextCursor(null);
    void load(query, null);
  };

  const runExport = async () => {
    setExportNote({ kind: 'loading', text: t('audit.exporting', { count: 0 }) });
    const r = await exportCsv(t, applied.query, formatTime, count =>
      setExportNote({ kind: 'loading', text: t('audit.exporting', { count }) }),
    );
    if (!r.ok) return setExportNote({ kind: 'error', text: errorText(t, r.error.code) });
    const { count, file, capped } = r.value;
    setExportNote({ kind: 'done', text: t(capped ? 'audit.exportCapped' : 'audit.exported', { count, file }) });
  };

  const busy = status.kind === 'loading';
  const empty = status.kind === 'done' && entries.length === 0;
  const emptyText = isFiltered(applied.filters)
    ? t('audit.empty.filtered')
    : t(role === 'lead' ? 'audit.empty.lead' : 'audit.empty.none');
  return (
    <div className="audit-browser">
      <AuditFilters
        t={t}
        value={draft}
        members={members}
        chats={chats}
        disabled={busy || !online}
        onChange={setDraft}
        onApply={apply}
      />
      {status.kind === 'error' && (
        <p role="alert" className="team-error">
          {status.text}
        </p>
      )}
      {empty && (
        <p className="audit-empty" data-testid="audit-empty">
          {emptyText}
        </p>
      )}
      {entries.length > 0 && <AuditTable t={t} entries={entries} formatTime={formatTime} />}
      <div className="audit-actions">
        {busy && <span role="status">{t('audit.loading')}</span>}
        {!busy && nextCursor !== null && (
          <button type="button" onClick={() => void load(applied.query, nextCursor)}>
            {t('audit.more')}
          </button>
        )}
        {status.kind === 'done' && entries.length > 0 && nextCursor === null && (
          <span className="team-hint">{t('audit.end')}</span>
        )}
        <button
          type="button"
          disabled={!online || exportNote.kind === 'loading' || entries.length === 0}
          onClick={() => void runExport()}
        >
          {t('audit.export')}
        </button>
      </div>
      {exportNote.text && (
        <p
          role={exportNote.kind === 'error' ? 'alert' : 'status'}
          className={exportNote.kind === 'error' ? 'team-error' : 'team-ok'}
        >
          {exportNote.text}
        </p>
      )}
    </div>
  );
}
