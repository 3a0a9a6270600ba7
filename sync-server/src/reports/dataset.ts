/**
 * Reads one range's rows and cuts them into conversations: what reports:get and
 * reports:conversations are both computed from (and what the cache keeps).
 */
import type { BusinessHours } from '../../../common/automation/hours';
import type { RawExec } from '../db/index';
import type { ReportChat } from '../db/repositories/reports';
import {
  reportAccountNames,
  reportChanges,
  reportChats,
  reportMemberNames,
  reportMessages,
  reportBusinessHours,
  reportSlaTargets,
} from '../db/repositories/reports';
import type { Conversation, Fact, MessageFact } from './conversations';
import { byTime, cutConversations } from './conversations';
import { REPORT_LOOKBACK_MS } from './definitions';
import type { Zone } from './zone';
import { rangeEnd, rangeStart, zoneOf } from './zone';

export type ReportFilter = {
  readonly from: string;
  readonly to: string;
  readonly timeZone: string;
  readonly memberId?: string | undefined;
  readonly tag?: string | undefined;
};

/** A message of the range with its chat and the conversation it belongs to (null: none). */
export type RangeMessage = {
  readonly at: number;
  readonly fromMe: boolean;
  readonly senderId: string | null;
  readonly chat: ReportChat;
  readonly conversation: Conversation | null;
  /** How many messages this entry stands for: 1, or an hour's count read from the counters (stored.ts). */
  readonly n: number;
};

export type Dataset = {
  readonly generatedAt: number;
  readonly zone: Zone;
  readonly accountNames: ReadonlyMap<string, string>;
  readonly memberNames: ReadonlyMap<string, string>;
  readonly chats: ReadonlyMap<string, ReportChat>;
  /** Each number's first-response target in minutes (numbers without one are absent). */
  readonly slaTargets: ReadonlyMap<string, number>;
  /** Each number's business hours (numbers without are absent): the "business hours only" clocks. */
  readonly businessHours: ReadonlyMap<string, BusinessHours>;
  /** Every conversation of the window (the lookback included) that passes the filters. */
  readonly conversations: readonly Conversation[];
  /** The messages inside the range that pass the filters. */
  readonly messages: readonly RangeMessage[];
  /** The messages the per-tag table counts (with their chats' tags); absent: `messages`. */
  readonly tagMessages?: readonly RangeMessage[];
  /** Messages each member sent through the server in the range; absent: counted from `messages`. */
  readonly sentBy?: ReadonlyMap<string, number>;
};

type Timeline = { facts: Fact[]; initialAssignee: string | null | undefined };

/**
 * accountIds: the numbers in scope (the caller's, narrowed by the accountId filter).
 * Facts after the range are read only to know who had each chat at the window's start.
 */
export async function loadDataset(
  raw: RawExec,
  accountIds: readonly string[],
  filter: ReportFilter,
  now: number,
): Promise<Dataset> {
  const zone = zoneOf(filter.from, filter.to, filter.timeZone);
  const start = rangeStart(zone);
  const end = rangeEnd(zone);
  const windowStart = start - REPORT_LOOKBACK_MS;
  const [accountNames, memberNames, allChats, messages, changes, slaTargets, businessHours] = await Promise.all([
    reportAccountNames(raw, accountIds),
    reportMemberNames(raw),
    reportChats(raw, accountIds),
    reportMessages(raw, accountIds, windowStart, end),
    reportChanges(raw, accountIds, windowStart),
    reportSlaTargets(raw, accountIds),
    reportBusinessHours(raw, accountIds),
  ]);
  const chats = new Map([...allChats].filter(([, c]) => filter.tag === undefined || c.tags.includes(filter.tag)));
  const timelines = new Map<string, Timeline>();
  const timeline = (chatId: string) => {
    let t = timelines.get(chatId);
    if (!t) timelines.set(chatId, (t = { facts: [], initialAssignee: undefined }));
    return t;
  };
  const messageFacts: { fact: MessageFact; chat: ReportChat }[] = [];
  for (const m of messages) {
    const chat = chats.get(m.chatId);
    if (!chat) continue;
    const fact: MessageFact = {
      kind: 'message',
      at: m.at,
      fromMe: m.fromMe,
      senderId: m.senderId,
      automated: m.automated,
    };
    timeline(m.chatId).facts.push(fact);
    if (m.at >= start) messageFacts.push({ fact, chat });
  }
  for (const c of changes) {
    if (!chats.has(c.chatId)) continue;
    const t = timeline(c.chatId);
    // The oldest assignment change of the window says who had the chat before it.
    if (c.kind === 'assign' && t.initialAssignee === undefined) t.initialAssignee = c.before;
    if (c.at >= end) continue;
    t.facts.push(c.kind === 'assign' ? { kind: 'assign', at: c.at, assigneeId: c.after } : c);
  }
  const conversations: Conversation[] = [];
  const ofMessage = new Map<MessageFact, Conversation | null>();
  for (const [chatId, t] of timelines) {
    t.facts.sort(byTime);
    const initial = t.initialAssignee === undefined ? (chats.get(chatId)?.assigneeId ?? null) : t.initialAssignee;
    const cut = cutConversations(chatId, t.facts, initial);
    conversations.push(...cut.conversations);
    for (const [f, c] of cut.messageConversation) ofMessage.set(f, c);
  }
  const member = filter.memberId;
  const matches = (c: Conversation | null) => member === undefined || (c !== null && c.assigneeId === member);
  const inRange = messageFacts
    .map(({ fact, chat }) => ({ ...fact, chat, conversation: ofMessage.get(fact) ?? null, n: 1 }))
    .filter(m => matches(m.conversation));
  const sentBy = new Map<string, number>();
  for (const m of inRange)
    if (m.fromMe && m.senderId !== null) sentBy.set(m.senderId, (sentBy.get(m.senderId) ?? 0) + 1);
  return {
    generatedAt: now,
    zone,
    accountNames,
    memberNames,
    chats,
    slaTargets,
    businessHours,
    conversations: conversations.filter(matches),
    messages: inRange,
  };
}
