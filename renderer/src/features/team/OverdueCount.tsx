import { useEffect, useState } from 'react';
import { overdueCount } from './logic';
import type { TeamT } from './useTeamT';

/** As often as the chat rows' SLA markers: a chat turns overdue here within 15 s, without a recount. */
const TICK_MS = 15_000;

/**
 * The workload's "First reply overdue" cell: how many of the row's open and pending chats
 * are past their SLA due time with no reply yet, in the error colour when any.
 */
export function OverdueCount({ t, dueAts }: { readonly t: TeamT; readonly dueAts: readonly number[] }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (dueAts.length === 0) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [dueAts]);
  const n = overdueCount(dueAts, now);
  if (n === 0) return <span className="team-muted">0</span>;
  return (
    <span className="team-overdue" data-testid="team-overdue" title={t('team.view.overdue.title')}>
      {t('team.view.overdue.count', { n })}
    </span>
  );
}
