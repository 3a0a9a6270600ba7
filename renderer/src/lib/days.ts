/** Day separators for the conversation: messages are grouped by local calendar day. */
import { formatDate } from './format-cache';

export type DayKey = string; // 'YYYY-MM-DD' in local time

export function dayKeyOf(ts: number): DayKey {
  const d = new Date(ts);
  const mm = String(d.getMonth() + 1).padStart(2, '0');
  const dd = String(d.getDate()).padStart(2, '0');
  return `${d.getFullYear()}-${mm}-${dd}`;
}

export type Row<M> =
  | { readonly kind: 'day'; readonly key: string; readonly ts: number }
  | { readonly kind: 'message'; readonly key: string; readonly message: M };

/** Messages (oldest first) interleaved with a separator row before each new day. */
export function withDaySeparators<M extends { readonly id: string; readonly timestamp: number }>(
  messages: readonly M[],
): Row<M>[] {
  const rows: Row<M>[] = [];
  let current: DayKey | null = null;
  for (const m of messages) {
    const day = dayKeyOf(m.timestamp);
    if (day !== current) {
      rows.push({ kind: 'day', key: `day:${day}`, ts: m.timestamp });
      current = day;
    }
    rows.push({ kind: 'message', key: m.id, message: m });
  }
  return rows;
}

export type DayLabel = { readonly kind: 'today' | 'yesterday' } | { readonly kind: 'date'; readonly ts: number };

export function dayLabel(ts: number, now: number): DayLabel {
  const key = dayKeyOf(ts);
  if (key === dayKeyOf(now)) return { kind: 'today' };
  const y = new Date(now);
  y.setDate(y.getDate() - 1);
  if (key === dayKeyOf(y.getTime())) return { kind: 'yesterday' };
  return { kind: 'date', ts };
}

const LIST_TIME = {
  today: { hour: '2-digit', minute: '2-digit' },
  week: { weekday: 'short' },
  older: { day: 'numeric', month: 'short', year: '2-digit' },
} as const;

/** Chat-list time: clock time today, weekday within a week, else a short date. */
export function listTime(ts: number, now: number, locale: string): string {
  if (dayKeyOf(ts) === dayKeyOf(now)) return formatDate(ts, locale, LIST_TIME.today);
  if (now - ts < 6 * 86_400_000 && ts < now) return formatDate(ts, locale, LIST_TIME.week);
  return formatDate(ts, locale, LIST_TIME.older);
}
