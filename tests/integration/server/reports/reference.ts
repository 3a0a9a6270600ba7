/**
 * The expected report, computed from the seed's truth (seed.ts) with plain loops and a fixed
 * UTC offset: none of the server's report code is used, so a mistake there cannot hide here.
 * Follows docs/reports.md: a report describes the range as it was at its end.
 */
import { REPORT_BUCKET_BOUNDS_MS } from '../../../../common/protocol-reports';
import type { WireReport, WireReportConversation } from '../../../../common/protocol-reports';
import type { Truth, TruthConversation, TruthMessage } from './seed';
import { DAY, HOUR, MIN } from './seed';

export type RefArgs = {
  from: string;
  to: string;
  /** The zone's fixed offset from UTC in hours (Asia/Jakarta: 7). */
  offsetHours: number;
  accountIds: string[];
  memberId?: string;
  tag?: string;
  bucket?: 'day' | 'week';
  /** Each number's first-response target in minutes (assignment_settings); absent: none. */
  slaTargets?: Readonly<Record<string, number>>;
};

/** A conversation as it stood at the end of the range. */
type AtEnd = {
  c: TruthConversation;
  resolved: { at: number; by: string } | null;
  firstResponse: { at: number; by: string | null } | null;
  holders: string[];
  assignee: string | null;
  assigneeSince: number;
  reopens: number[];
  messages: TruthMessage[];
};

function atEnd(c: TruthConversation, end: number): AtEnd {
  const resolutions = c.resolutions.filter(r => r.at < end);
  const reopens = c.reopens.filter(t => t < end);
  const assignees = c.assignees.filter(a => a.at < end);
  const lastAssignee = assignees[assignees.length - 1];
  return {
    c,
    resolved: resolutions.length > reopens.length ? resolutions[resolutions.length - 1]! : null,
    firstResponse: c.firstResponse && c.firstResponse.at < end ? c.firstResponse : null,
    holders: [...new Set(assignees.map(a => a.memberId).filter((m): m is string => m !== null))],
    assignee: lastAssignee?.memberId ?? null,
    assigneeSince: lastAssignee?.at ?? c.openedAt,
    reopens,
    messages: c.messages.filter(m => m.at < end),
  };
}

/** Due = opening + the number's target; the outcome at `asOf` (docs/reports.md, "SLA attainment"). */
function slaOf(
  e: AtEnd,
  a: RefArgs,
  asOf: number,
): { dueAt: number | null; outcome: 'met' | 'missed' | 'waiting' | 'excused' | null } {
  const target = a.slaTargets?.[e.c.accountId];
  if (target === undefined) return { dueAt: null, outcome: null };
  const due = e.c.openedAt + target * MIN;
  const outcome = e.firstResponse
    ? e.firstResponse.at <= due
      ? 'met'
      : 'missed'
    : (e.resolved?.at ?? asOf) > due
      ? 'missed'
      : e.resolved
        ? 'excused'
        : 'waiting';
  return { dueAt: due, outcome };
}

function median(xs: number[]): number | null {
  return nearestRank(xs, 0.5);
}
function nearestRank(xs: number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.ceil(p * s.length) - 1]!;
}
function histogram(xs: number[]): number[] {
  const h = new Array<number>(REPORT_BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const x of xs) {
    let i = 0;
    while (i < REPORT_BUCKET_BOUNDS_MS.length && x >= REPORT_BUCKET_BOUNDS_MS[i]!) i++;
    h[i]! += 1;
  }
  return h;
}

export function expectedReport(truth: Truth, a: RefArgs): Omit<WireReport, 'generatedAt'> {
  const off = a.offsetHours * HOUR;
  const start = Date.parse(`${a.from}T00:00:00Z`) - off;
  const end = Date.parse(`${a.to}T00:00:00Z`) + DAY - off;
  const inRange = (t: number | null | undefined): t is number => t != null && t >= start && t < end;
  const localDay = (t: number) => new Date(t + off).toISOString().slice(0, 10);
  const chatOk = (chatId: string) => {
    const chat = truth.chats.get(chatId)!;
    return a.accountIds.includes(chat.accountId) && (a.tag === undefined || chat.tags.includes(a.tag));
  };
  // Only what the server read: from 7 days before the range.
  const convs = truth.conversations
    .filter(c => chatOk(c.chatId) && c.openedAt < end && c.openedAt >= start - 7 * DAY)
    .map(c => atEnd(c, end))
    .filter(e => a.memberId === undefined || e.assignee === a.memberId);
  const messages: { m: TruthMessage; chatId: string }[] = convs.flatMap(e =>
    e.messages.filter(m => inRange(m.at)).map(m => ({ m, chatId: e.c.chatId })),
  );
  if (a.memberId === undefined)
    for (const l of truth.loose) if (chatOk(l.chatId) && inRange(l.at)) messages.push({ m: l, chatId: l.chatId });

  const frt = (e: AtEnd) => (e.firstResponse ? e.firstResponse.at - e.c.openedAt : null);
  const res = (e: AtEnd) => (e.resolved ? e.resolved.at - e.c.openedAt : null);
  const nn = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
  const totals = (cs: AtEnd[], ms: { m: TruthMessage }[]) => {
    const opened = cs.filter(e => inRange(e.c.openedAt));
    const resolved = cs.filter(e => inRange(e.resolved?.at));
    return {
      opened: opened.length,
      resolved: resolved.length,
      reopened: cs.reduce((n, e) => n + e.reopens.filter(t => inRange(t)).length, 0),
      messagesIn: ms.filter(x => !x.m.fromMe).length,
      messagesOut: ms.filter(x => x.m.fromMe).length,
      firstResponseMedianMs: median(nn(opened.map(frt))),
      resolutionMedianMs: median(nn(resolved.map(res))),
    };
  };
  const all = totals(convs, messages);
  const openedFrt = nn(convs.filter(e => inRange(e.c.openedAt)).map(frt));
  const resolvedRes = nn(convs.filter(e => inRange(e.resolved?.at)).map(res));

  // Trend points: each local day, or the Monday starting its week.
  const keyOf = (day: string) => {
    if (a.bucket !== 'week') return day;
    const t = Date.parse(`${day}T00:00:00Z`);
    return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
  };
  const keys: string[] = [];
  for (let t = Date.parse(`${a.from}T00:00:00Z`); t <= Date.parse(`${a.to}T00:00:00Z`); t += DAY) {
    const k = keyOf(new Date(t).toISOString().slice(0, 10));
    if (!keys.includes(k)) keys.push(k);
  }
  const keyAt = (t: number) => keyOf(localDay(t));
  const trend = keys.map(k => {
    const openedK = convs.filter(e => inRange(e.c.openedAt) && keyAt(e.c.openedAt) === k);
    const resolvedK = convs.filter(e => inRange(e.resolved?.at) && keyAt(e.resolved!.at) === k);
    const ms = messages.filter(x => keyAt(x.m.at) === k);
    return {
      start: k,
      opened: openedK.length,
      resolved: resolvedK.length,
      reopened: convs.reduce((n, e) => n + e.reopens.filter(r => inRange(r) && keyAt(r) === k).length, 0),
      messagesIn: ms.filter(x => !x.m.fromMe).length,
      messagesOut: ms.filter(x => x.m.fromMe).length,
      firstResponseMedianMs: median(nn(openedK.map(frt))),
      resolutionMedianMs: median(nn(resolvedK.map(res))),
    };
  });

  const memberIds = new Set<string>();
  const opened = convs.filter(e => inRange(e.c.openedAt));
  const resolved = convs.filter(e => inRange(e.resolved?.at));
  for (const e of opened) {
    e.holders.forEach(h => memberIds.add(h));
    if (e.firstResponse?.by && frt(e) !== null) memberIds.add(e.firstResponse.by);
  }
  for (const e of resolved) memberIds.add(e.resolved!.by);
  for (const x of messages) if (x.m.fromMe && x.m.senderId) memberIds.add(x.m.senderId);
  const members = [...memberIds]
    .map(id => ({
      memberId: id,
      name: truth.members.get(id) ?? '',
      assigned: opened.filter(e => e.holders.includes(id)).length,
      resolved: resolved.filter(e => e.resolved!.by === id).length,
      firstResponseMedianMs: median(nn(opened.filter(e => e.firstResponse?.by === id).map(frt))),
      handleTimeMedianMs: median(
        resolved
          .filter(e => e.resolved!.by === id)
          .map(e => e.resolved!.at - (e.assignee === id ? Math.max(e.assigneeSince, e.c.openedAt) : e.c.openedAt)),
      ),
      messagesSent: messages.filter(x => x.m.fromMe && x.m.senderId === id).length,
    }))
    .sort((x, y) => x.name.localeCompare(y.name) || x.memberId.localeCompare(y.memberId));

  const accounts = a.accountIds
    .map(id => ({
      accountId: id,
      name: truth.accounts.get(id) ?? '',
      ...totals(
        convs.filter(e => e.c.accountId === id),
        messages.filter(x => truth.chats.get(x.chatId)!.accountId === id),
      ),
    }))
    .sort((x, y) => x.name.localeCompare(y.name) || x.accountId.localeCompare(y.accountId));
  const tagNames = [...new Set([...truth.chats.values()].flatMap(c => c.tags))].sort();
  const tags = tagNames
    .map(tag => ({
      tag,
      ...totals(
        convs.filter(e => truth.chats.get(e.c.chatId)!.tags.includes(tag)),
        messages.filter(x => truth.chats.get(x.chatId)!.tags.includes(tag)),
      ),
    }))
    .filter(t => t.opened + t.resolved + t.reopened + t.messagesIn + t.messagesOut > 0);

  const heatmap = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const x of messages) {
    if (x.m.fromMe) continue;
    const local = new Date(x.m.at + off);
    heatmap[(local.getUTCDay() + 6) % 7]![local.getUTCHours()]! += 1;
  }
  // SLA attainment, by the definitions of docs/reports.md: due = opening + the number's target.
  const asOf = Math.min(end, Date.now());
  const slaOutcomeOf = (e: AtEnd) => {
    const o = slaOf(e, a, asOf).outcome;
    return o === 'excused' ? null : o;
  };
  const slaCounts = (cs: AtEnd[]) => {
    const outcomes = cs.map(slaOutcomeOf);
    const met = outcomes.filter(o => o === 'met').length;
    const missed = outcomes.filter(o => o === 'missed').length;
    return {
      met,
      missed,
      waiting: outcomes.filter(o => o === 'waiting').length,
      metPct: met + missed === 0 ? null : Math.round((1000 * met) / (met + missed)) / 10,
    };
  };
  const slaMemberIds = [...new Set(opened.filter(e => slaOutcomeOf(e) !== null).map(e => e.assignee))].filter(
    (id): id is string => id !== null,
  );
  const sla = {
    ...slaCounts(opened),
    trend: keys.map(k => ({ start: k, ...slaCounts(opened.filter(e => keyAt(e.c.openedAt) === k)) })),
    members: slaMemberIds
      .map(id => ({
        memberId: id,
        name: truth.members.get(id) ?? '',
        ...slaCounts(opened.filter(e => e.assignee === id)),
      }))
      .sort((x, y) => x.name.localeCompare(y.name) || x.memberId.localeCompare(y.memberId)),
    accounts: a.accountIds
      .map(id => ({
        accountId: id,
        name: truth.accounts.get(id) ?? '',
        targetMinutes: a.slaTargets?.[id] ?? null,
        ...slaCounts(opened.filter(e => e.c.accountId === id)),
      }))
      .sort((x, y) => x.name.localeCompare(y.name) || x.accountId.localeCompare(y.accountId)),
  };
  const { firstResponseMedianMs: _f, resolutionMedianMs: _r, ...headline } = all;
  return {
    from: a.from,
    to: a.to,
    timeZone: '',
    bucket: a.bucket ?? 'day',
    totals: headline,
    firstResponse: {
      count: openedFrt.length,
      medianMs: median(openedFrt),
      p90Ms: nearestRank(openedFrt, 0.9),
      histogram: histogram(openedFrt),
    },
    resolution: {
      count: resolvedRes.length,
      medianMs: median(resolvedRes),
      p90Ms: nearestRank(resolvedRes, 0.9),
      histogram: histogram(resolvedRes),
    },
    trend,
    members,
    accounts,
    tags,
    heatmap,
    sla,
  };
}

/** The conversation list behind the report: opened in the range, oldest first (then by chat id). */
export function expectedConversations(truth: Truth, a: RefArgs): WireReportConversation[] {
  const off = a.offsetHours * HOUR;
  const start = Date.parse(`${a.from}T00:00:00Z`) - off;
  const end = Date.parse(`${a.to}T00:00:00Z`) + DAY - off;
  return truth.conversations
    .filter(c => a.accountIds.includes(c.accountId) && c.openedAt >= start && c.openedAt < end)
    .map(c => atEnd(c, end))
    .filter(e => a.memberId === undefined || e.assignee === a.memberId)
    .sort((x, y) => x.c.openedAt - y.c.openedAt || (x.c.chatId < y.c.chatId ? -1 : 1))
    .map(e => {
      const chat = truth.chats.get(e.c.chatId)!;
      return {
        chatId: e.c.chatId,
        accountId: e.c.accountId,
        customer: chat.name,
        openedAt: e.c.openedAt,
        firstResponseAt: e.firstResponse?.at ?? null,
        resolvedAt: e.resolved?.at ?? null,
        firstResponseMs: e.firstResponse ? e.firstResponse.at - e.c.openedAt : null,
        resolutionMs: e.resolved ? e.resolved.at - e.c.openedAt : null,
        assigneeId: e.assignee,
        reopened: e.reopens.length > 0,
        messagesIn: e.messages.filter(m => !m.fromMe).length,
        messagesOut: e.messages.filter(m => m.fromMe).length,
        tags: chat.tags,
        slaDueAt: slaOf(e, a, Math.min(end, Date.now())).dueAt,
        sla: slaOf(e, a, Math.min(end, Date.now())).outcome,
      };
    });
}
