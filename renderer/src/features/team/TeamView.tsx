import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import type { Workload } from './logic';
import { canSeeTeamView, formatCount } from './logic';
import { PresenceDot } from './PresenceDot';
import { useTeamT } from './useTeamT';
import { OldestWaiting } from '../handover';
import { useHandoverT } from '../handover/useHandoverT';
import { TeamAttention } from '../ai/chat';
import './team.css';
import { errorText } from '../../lib/error-text';
import { OverdueCount } from './OverdueCount';

/** Wait this long after the last chats:changed before counting again: bursts come in batches. */
const RECOUNT_DELAY_MS = 2_000;

/**
 * Workload for leads and admins: open and pending chats per member and the unassigned
 * backlog, counted from the local store. Renders nothing for agents.
 */
export function TeamView() {
  const t = useTeamT();
  const ht = useHandoverT();
  const role = useWorkspace(s => s.status.member?.role ?? null);
  const connection = useWorkspace(s => s.status.connection);
  const members = useWorkspace(s => s.members);
  const workload = useWorkspace(s => s.workload);
  const watchChats = useWorkspace(s => s.watchChats);
  const [data, setData] = useState<Workload | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const generation = useRef(0);
  useEffect(() => retainWorkspace(), []);

  const allowed = role !== null && connection !== 'signed_out' && canSeeTeamView(role);

  const refresh = useCallback(async () => {
    // Only the newest count may land: an older, slower one would show stale numbers.
    const mine = ++generation.current;
    setBusy(true);
    const r = await workload();
    if (mine !== generation.current) return;
    setBusy(false);
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(t('team.error', { message: errorText(r.error) }));
  }, [workload, t]);

  useEffect(() => {
    if (!allowed) return;
    void refresh();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = watchChats(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void refresh(), RECOUNT_DELAY_MS);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [allowed, members, refresh, watchChats]);

  if (!allowed) return null;
  return (
    <section className="team-view" aria-labelledby={headingId} aria-busy={busy}>
      <header className="team-view-head">
        <h3 id={headingId}>{t('team.view.heading')}</h3>
        <button type="button" onClick={() => void refresh()} disabled={busy}>
          {t('team.view.refresh')}
        </button>
      </header>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      {!data ? (
        <p className="team-muted">{t('team.view.loading')}</p>
      ) : (
        <table className="team-table">
          <caption className="team-visually-hidden">{t('team.view.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.view.member')}</th>
              <th scope="col">{t('team.view.role')}</th>
              <th scope="col">{t('team.view.open')}</th>
              <th scope="col">{t('team.view.pending')}</th>
              <th scope="col">{t('team.view.overdue')}</th>
              <th scope="col">{ht('handover.oldest')}</th>
            </tr>
          </thead>
          <tbody>
            {data.rows.map(({ member, open, pending, dueAts, oldestWaiting }) => (
              <tr key={member.id} className={member.active ? undefined : 'team-inactive'}>
                <th scope="row">
                  {member.name} <PresenceDot t={t} memberId={member.id} name={member.name} />
                  {!member.active && <span className="team-muted"> ({t('team.view.inactive')})</span>}
                </th>
                <td>{t(`team.role.${member.role}`)}</td>
                <td>{formatCount(open)}</td>
                <td>{formatCount(pending)}</td>
                <td>
                  <OverdueCount t={t} dueAts={dueAts} />
                </td>
                <td>
                  <OldestWaiting chat={oldestWaiting} />
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('team.view.unassigned')}
              </th>
              <td data-testid="team-unassigned-open">{formatCount(data.unassigned.open)}</td>
              <td data-testid="team-unassigned-pending">{formatCount(data.unassigned.pending)}</td>
              <td data-testid="team-unassigned-overdue">
                <OverdueCount t={t} dueAts={data.unassigned.dueAts} />
              </td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <TeamAttention />
    </section>
  );
}
