import { useEffect, useState } from 'react';
import { slaMinutesLeft } from '../../../../../common/automation/assignment/sla';
import { useSlaT } from './useSlaT';
import './sla.css';
import { formatDate } from '../../../lib/format-cache';

/** Often enough for a minute display; each marker ticks on its own, the list does not re-render. */
const TICK_MS = 15_000;

/** "due in 12 min" / "overdue 5 min" on a chat row while the first reply is pending. */
export function SlaMarker({ dueAt }: { readonly dueAt: number | null }) {
  const t = useSlaT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (dueAt === null) return;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [dueAt]);
  if (dueAt === null) return null;
  const left = slaMinutesLeft(dueAt, now);
  const overdue = dueAt < now;
  return (
    <span
      className={`sla-marker${overdue ? ' sla-overdue' : ''}`}
      title={t('sla.title', { time: formatDate(dueAt, undefined, { hour: '2-digit', minute: '2-digit' }) })}
      data-testid="row-sla"
    >
      {overdue ? t('sla.overdue', { n: Math.max(1, -left) }) : t('sla.dueIn', { n: left })}
    </span>
  );
}
