/**
 * The dataset of a report read from the report tables (migration 0034) rather than from every
 * message of the range: the conversations opened, resolved or reopened in it, and the message
 * counters summed per number and hour in SQL. Gives what loadDataset (dataset.ts) gives for the
 * same range, for reports without a member or tag filter (those still read the messages).
 * A stored row is its conversation as it is now: the few chats with a conversation that
 * changed at or after the range's end are cut again from their facts before that end, so
 * every figure is the conversation as it was at the end of the range.
 */
import type { RawExec } from '../db/index';
import type { StoredConversation } from '../db/repositories/report-tables';
import {
  chatMessageCounts,
  chatTimelines,
  storedConversations,
  storedHourCounts,
} from '../db/repositories/report-tables';
import { storedSentCounts } from '../db/repositories/report-sent';
import type { ReportChat } from '../db/repositories/reports';
import {
  reportAccountNames,
  reportBusinessHours,
  reportChats,
  reportMemberNames,
  reportSlaTargets,
} from '../db/repositories/reports';
import type { Conversation } from './conversations';
import type { Dataset, RangeMessage, ReportFilter } from './dataset';
import { cutTimeline, touchedAt } from './maintain';
import { rangeEnd, rangeStart, zoneOf } from './zone';

const HOUR = 3_600_000;

const ids = (text: string | null): string[] => (text ? text.split(',') : []);

export function conversationOf(r: StoredConversation): Conversation {
  const [, chatId, openedAt, firstResponseAt, firstResponderId, resolvedAt, resolvedBy, assigneeId, since] = r;
  return {
    chatId,
    openedAt,
    firstResponseAt,
    firstResponderId,
    resolvedAt,
    resolvedBy,
    assigneeId,
    assigneeSince: since,
    holders: new Set(ids(r[9])),
    reopenedAt: ids(r[11]).map(Number),
    lastMessageAt: r[12],
    messagesIn: r[14],
    messagesOut: r[15],
  };
}

/** A number's messages of one hour, counted as one weighted entry (no chat of its own, no tags). */
function hourEntries(account: ReportChat, at: number, inbound: number, outbound: number): RangeMessage[] {
  const out: RangeMessage[] = [];
  if (inbound > 0) out.push({ at, fromMe: false, senderId: null, chat: account, conversation: null, n: inbound });
  if (outbound > 0) out.push({ at, fromMe: true, senderId: null, chat: account, conversation: null, n: outbound });
  return out;
}

/**
 * The rows as at `end`. In a chat with a row touched at or after it, every conversation from
 * the earliest such row's opening is cut again from the facts between that opening and `end`
 * (an opening starts afresh: nothing before it changes what follows; who had the chat then is
 * the next assignment's "before"), and its earlier rows are kept.
 */
export async function asAtEnd(
  raw: RawExec,
  rows: readonly StoredConversation[],
  start: number,
  end: number,
): Promise<Conversation[]> {
  const from = new Map<string, number>();
  for (const r of rows) if (r[13] >= end) from.set(r[1], Math.min(from.get(r[1]) ?? r[2], r[2]));
  const kept = rows.filter(r => r[2] < (from.get(r[1]) ?? Infinity)).map(conversationOf);
  return [...kept, ...(await cutAgainAtEnd(raw, from, start, end))];
}

/**
 * These chats' conversations from the given opening on (chat → opened_at), cut again from their
 * facts before `end`: those whose last instant is before `start` are left out.
 */
export async function cutAgainAtEnd(
  raw: RawExec,
  from: ReadonlyMap<string, number>,
  start: number,
  end: number,
): Promise<Conversation[]> {
  if (from.size === 0) return [];
  let since = Infinity;
  for (const t of from.values()) since = Math.min(since, t);
  const timelines = await chatTimelines(raw, [...from.keys()], end, since);
  return [...timelines.values()].flatMap(t => {
    const opened = from.get(t.chatId) ?? since;
    const own = {
      ...t,
      messages: t.messages.filter(m => m.at >= opened),
      changes: t.changes.filter(c => c.at >= opened),
    };
    // Only what the range can show: a conversation whose last instant is before it counts nowhere.
    return cutTimeline(own, end).filter(c => touchedAt(c) >= start);
  });
}

export async function loadStoredDataset(
  raw: RawExec,
  accountIds: readonly string[],
  filter: ReportFilter,
  now: number,
): Promise<Dataset> {
  const zone = zoneOf(filter.from, filter.to, filter.timeZone);
  const start = rangeStart(zone);
  const end = rangeEnd(zone);
  const [accountNames, memberNames, chats, rows, hours, sent, slaTargets, businessHours] = await Promise.all([
    reportAccountNames(raw, accountIds),
    reportMemberNames(raw),
    reportChats(raw, accountIds),
    storedConversations(raw, accountIds, start, end),
    storedHourCounts(raw, accountIds, start, end),
    storedSentCounts(raw, accountIds, start, end),
    reportSlaTargets(raw, accountIds),
    reportBusinessHours(raw, accountIds),
  ]);
  const accountChat = (accountId: string): ReportChat => ({
    id: '',
    accountId,
    name: '',
    assigneeId: null,
    tags: [],
    isGroup: false,
  });
  const messages = hours.flatMap(h =>
    hourEntries(accountChat(h.accountId), start + h.hour * HOUR, h.messagesIn, h.messagesOut),
  );
  // The per-tag table counts its chats' messages: read per chat, only for chats with a tag.
  const tagged = [...chats.values()].filter(c => c.tags.length > 0);
  const perChat = await chatMessageCounts(
    raw,
    tagged.map(c => c.id),
    start,
    end,
  );
  const conversations = await asAtEnd(
    raw,
    rows.filter(r => chats.has(r[1])),
    start,
    end,
  );
  const tagMessages = perChat.flatMap(c => {
    const chat = chats.get(c.chatId);
    return chat ? hourEntries(chat, start, c.messagesIn, c.messagesOut) : [];
  });
  return {
    generatedAt: now,
    zone,
    accountNames,
    memberNames,
    chats,
    slaTargets,
    businessHours,
    conversations,
    messages,
    tagMessages,
    sentBy: sent,
  };
}

/**
 * The per-tag table's dataset: only the chats with a tag, their conversations of the range (as
 * at its end) and their messages counted per chat. The SQL report (aggregate.ts) computes the
 * per-tag rows from it with the same reportOf as every other table.
 */
export async function loadTaggedDataset(
  raw: RawExec,
  accountIds: readonly string[],
  filter: ReportFilter,
  now: number,
): Promise<Dataset> {
  const zone = zoneOf(filter.from, filter.to, filter.timeZone);
  const start = rangeStart(zone);
  const end = rangeEnd(zone);
  const chats = await reportChats(raw, accountIds, true);
  const ids = [...chats.keys()];
  const [rows, perChat] = await Promise.all([
    storedConversations(raw, accountIds, start, end, ids),
    chatMessageCounts(raw, ids, start, end),
  ]);
  const conversations = await asAtEnd(raw, rows, start, end);
  const tagMessages = perChat.flatMap(c => {
    const chat = chats.get(c.chatId);
    return chat ? hourEntries(chat, start, c.messagesIn, c.messagesOut) : [];
  });
  return {
    generatedAt: now,
    zone,
    accountNames: new Map(),
    memberNames: new Map(),
    chats,
    slaTargets: new Map(),
    businessHours: new Map(),
    conversations,
    messages: [],
    tagMessages,
  };
}
