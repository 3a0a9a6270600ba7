/** A dataset's figures: the totals, durations, trend, per member / number / tag and the heatmap. */
import type { WireReport } from '../../../common/protocol-reports';
import type { ReportChat } from '../db/repositories/reports';
import type { Conversation } from './conversations';
import type { Dataset, RangeMessage } from './dataset';
import type { Measure } from './measure';
import { measureOf } from './measure';
import { slaOf } from './sla';
import { durationStats, medianOf } from './stats';
import type { Zone } from './zone';
import { dayIndex, localHour, weekStartOf, weekdayOf } from './zone';

type Totals = WireReport['totals'];
type Group = { readonly conversations: readonly Conversation[]; readonly messages: readonly RangeMessage[] };

/** Inbound and outbound messages of a list (an entry may stand for several: RangeMessage.n). */
function countsOf(messages: readonly RangeMessage[]): { inbound: number; outbound: number } {
  let inbound = 0;
  let outbound = 0;
  for (const m of messages)
    if (m.fromMe) outbound += m.n;
    else inbound += m.n;
  return { inbound, outbound };
}
type MutableGroup = { conversations: Conversation[]; messages: RangeMessage[] };

const inRange = (z: Zone, t: number | null): t is number => t !== null && dayIndex(z, t) !== -1;
const present = (v: number | null): v is number => v !== null;

/** The conversations opened in the range, and those resolved in it (a conversation may be both). */
function split(z: Zone, conversations: readonly Conversation[]) {
  return {
    opened: conversations.filter(c => inRange(z, c.openedAt)),
    resolved: conversations.filter(c => inRange(z, c.resolvedAt)),
  };
}

function totalsOf(
  z: Zone,
  g: Group,
  { firstResponseMs, resolutionMs }: Measure,
): Totals & { firstResponseMedianMs: number | null; resolutionMedianMs: number | null } {
  const { opened, resolved } = split(z, g.conversations);
  const { inbound, outbound } = countsOf(g.messages);
  return {
    opened: opened.length,
    resolved: resolved.length,
    reopened: g.conversations.reduce((n, c) => n + c.reopenedAt.filter(t => inRange(z, t)).length, 0),
    messagesIn: inbound,
    messagesOut: outbound,
    firstResponseMedianMs: medianOf(opened.map(firstResponseMs).filter(present)),
    resolutionMedianMs: medianOf(resolved.map(resolutionMs).filter(present)),
  };
}

/** Each day's index → its trend bucket (the day itself, or its week). */
export function bucketsOf(z: Zone, bucket: 'day' | 'week'): { starts: string[]; ofDay: number[] } {
  if (bucket === 'day') return { starts: [...z.days], ofDay: z.days.map((_, i) => i) };
  const starts: string[] = [];
  const ofDay = z.days.map(d => {
    const w = weekStartOf(d);
    if (starts[starts.length - 1] !== w) starts.push(w);
    return starts.length - 1;
  });
  return { starts, ofDay };
}

function trendOf(d: Dataset, bucket: 'day' | 'week', { firstResponseMs, resolutionMs }: Measure): WireReport['trend'] {
  const z = d.zone;
  const { starts, ofDay } = bucketsOf(z, bucket);
  const groups = starts.map(() => ({
    opened: [] as Conversation[],
    resolved: [] as Conversation[],
    reopened: 0,
    in: 0,
    out: 0,
  }));
  const at = (t: number) => {
    const i = dayIndex(z, t);
    return i === -1 ? undefined : groups[ofDay[i]!];
  };
  for (const c of d.conversations) {
    at(c.openedAt)?.opened.push(c);
    if (c.resolvedAt !== null) at(c.resolvedAt)?.resolved.push(c);
    for (const t of c.reopenedAt) {
      const g = at(t);
      if (g) g.reopened += 1;
    }
  }
  for (const m of d.messages) {
    const g = at(m.at);
    if (g && m.fromMe) g.out += m.n;
    else if (g) g.in += m.n;
  }
  return groups.map((g, i) => ({
    start: starts[i]!,
    opened: g.opened.length,
    resolved: g.resolved.length,
    reopened: g.reopened,
    messagesIn: g.in,
    messagesOut: g.out,
    firstResponseMedianMs: medianOf(g.opened.map(firstResponseMs).filter(present)),
    resolutionMedianMs: medianOf(g.resolved.map(resolutionMs).filter(present)),
  }));
}

/** Time from the resolver getting the conversation (or its opening) to its resolution. */
function handleMs(c: Conversation): number | null {
  if (c.resolvedAt === null) return null;
  const since = c.resolvedBy !== null && c.resolvedBy === c.assigneeId ? c.assigneeSince : c.openedAt;
  return c.resolvedAt - Math.max(since, c.openedAt);
}

function membersOf(d: Dataset, { firstResponseMs }: Measure): WireReport['members'] {
  const z = d.zone;
  const { opened, resolved } = split(z, d.conversations);
  const rows = new Map<string, { assigned: number; resolved: number; frt: number[]; handle: number[]; sent: number }>();
  const row = (id: string) => {
    let r = rows.get(id);
    if (!r) rows.set(id, (r = { assigned: 0, resolved: 0, frt: [], handle: [], sent: 0 }));
    return r;
  };
  for (const c of opened) {
    for (const h of c.holders) row(h).assigned += 1;
    const frt = firstResponseMs(c);
    if (c.firstResponderId !== null && frt !== null) row(c.firstResponderId).frt.push(frt);
  }
  for (const c of resolved) {
    if (c.resolvedBy === null) continue;
    const r = row(c.resolvedBy);
    r.resolved += 1;
    const h = handleMs(c);
    if (h !== null) r.handle.push(h);
  }
  if (d.sentBy) for (const [memberId, n] of d.sentBy) row(memberId).sent += n;
  else for (const m of d.messages) if (m.fromMe && m.senderId !== null) row(m.senderId).sent += m.n;
  return [...rows]
    .map(([memberId, r]) => ({
      memberId,
      name: d.memberNames.get(memberId) ?? '',
      assigned: r.assigned,
      resolved: r.resolved,
      firstResponseMedianMs: medianOf(r.frt),
      handleTimeMedianMs: medianOf(r.handle),
      messagesSent: r.sent,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
}

function grouped(
  d: Dataset,
  messages: readonly RangeMessage[],
  keysOf: (chat: ReportChat | undefined) => readonly string[],
): Map<string, MutableGroup> {
  const out = new Map<string, MutableGroup>();
  const group = (k: string) => {
    let g = out.get(k);
    if (!g) out.set(k, (g = { conversations: [], messages: [] }));
    return g;
  };
  for (const c of d.conversations) for (const k of keysOf(d.chats.get(c.chatId))) group(k).conversations.push(c);
  for (const m of messages) for (const k of keysOf(m.chat)) group(k).messages.push(m);
  return out;
}

function heatmapOf(d: Dataset): number[][] {
  const rows = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const m of d.messages) {
    if (m.fromMe) continue;
    const i = dayIndex(d.zone, m.at);
    if (i === -1) continue;
    rows[weekdayOf(d.zone.days[i]!)]![localHour(d.zone, m.at, i)]! += m.n;
  }
  return rows;
}

/** businessHours: measure first response and resolution times in the numbers' open time only. */
export function reportOf(
  d: Dataset,
  args: { from: string; to: string; timeZone: string; bucket: 'day' | 'week'; businessHours?: boolean | undefined },
): WireReport {
  const z = d.zone;
  const m = measureOf(d, args.businessHours === true);
  const { opened, resolved } = split(z, d.conversations);
  const { firstResponseMedianMs: _f, resolutionMedianMs: _r, ...totals } = totalsOf(z, d, m);
  const accounts = grouped(d, d.messages, c => (c ? [c.accountId] : []));
  // Every number in scope has a row, even a quiet one.
  for (const id of d.accountNames.keys()) if (!accounts.has(id)) accounts.set(id, { conversations: [], messages: [] });
  const tags = grouped(d, d.tagMessages ?? d.messages, c => c?.tags ?? []);
  return {
    from: args.from,
    to: args.to,
    timeZone: args.timeZone,
    bucket: args.bucket,
    generatedAt: d.generatedAt,
    totals,
    firstResponse: durationStats(opened.map(m.firstResponseMs).filter(present)),
    resolution: durationStats(resolved.map(m.resolutionMs).filter(present)),
    trend: trendOf(d, args.bucket, m),
    members: membersOf(d, m),
    accounts: [...accounts]
      .filter(([id]) => d.accountNames.has(id))
      .map(([accountId, g]) => ({ accountId, name: d.accountNames.get(accountId) ?? '', ...totalsOf(z, g, m) }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.accountId.localeCompare(b.accountId)),
    tags: [...tags]
      .map(([tag, g]) => ({ tag, ...totalsOf(z, g, m) }))
      // A tag whose chats only had conversations before the range has nothing to show.
      .filter(t => t.opened + t.resolved + t.reopened + t.messagesIn + t.messagesOut > 0)
      .sort((a, b) => a.tag.localeCompare(b.tag)),
    heatmap: heatmapOf(d),
    sla: slaOf(d, bucketsOf(z, args.bucket), args.businessHours === true),
  };
}
