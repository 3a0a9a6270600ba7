/**
 * Keeps report_conversations current (migration 0034): a push, a status or an assignment change
 * queues its chat in the same transaction (report_dirty_chats), and this worker, on the server's
 * work loop, cuts each queued chat's timeline again with the same cutConversations the
 * computation from the messages uses and replaces that chat's rows. A round takes a batch of
 * chats in a handful of awaited queries (the event loop stays free between them), and a
 * restart resumes from the queue (the rows are durable).
 */
import type { Database } from '../db/index';
import type { ChatTimeline, StoredConversation } from '../db/repositories/report-tables';
import {
  chatTimelines,
  dirtyChats,
  markChatsDirty,
  replaceChatConversations,
  unmarkChats,
} from '../db/repositories/report-tables';
import { pruneVersions, recordVersions } from '../db/repositories/report-versions';
import type { ServerLog } from '../log';
import type { WorkLoop } from '../work-loop';
import { startWorkLoop } from '../work-loop';
import type { Conversation, Fact } from './conversations';
import { byTime, cutConversations } from './conversations';

/** Chats cut per round: live changes queued meanwhile wait one round at most (a round is ~0.1 s). */
const CHATS_PER_ROUND = 200;

/**
 * A conversation's latest instant: a message, a resolution, a reopening or an assignee change.
 * A report over a range that ends before it recuts the chat as at the range's end (stored.ts).
 */
export function touchedAt(c: Conversation): number {
  const lastReopen = c.reopenedAt.length > 0 ? c.reopenedAt[c.reopenedAt.length - 1]! : 0;
  return Math.max(c.lastMessageAt, c.resolvedAt ?? 0, lastReopen, c.assigneeSince);
}

export function rowOf(accountId: string, c: Conversation): StoredConversation {
  return [
    accountId,
    c.chatId,
    c.openedAt,
    c.firstResponseAt,
    c.firstResponderId,
    c.resolvedAt,
    c.resolvedBy,
    c.assigneeId,
    c.assigneeSince,
    [...c.holders].join(','),
    c.reopenedAt.length,
    c.reopenedAt.length > 0 ? c.reopenedAt.join(',') : null,
    c.lastMessageAt,
    touchedAt(c),
    c.messagesIn,
    c.messagesOut,
  ];
}

/**
 * One chat's timeline cut into conversations. The timeline may stop at a range's end
 * (chatTimelines' `before`): its changes after that are only read for who had the chat first.
 */
export function cutTimeline(t: ChatTimeline, before = Number.MAX_SAFE_INTEGER): Conversation[] {
  const facts: Fact[] = t.messages.map((m): Fact => ({
    kind: 'message',
    at: m.at,
    fromMe: m.fromMe,
    senderId: m.senderId,
    automated: m.automated,
  }));
  for (const c of t.changes)
    if (c.at < before) facts.push(c.kind === 'assign' ? { kind: 'assign', at: c.at, assigneeId: c.after } : c);
  facts.sort(byTime);
  // Who had the chat before its first fact: the first assignment's "before", else who has it now.
  const firstAssign = t.changes.find(c => c.kind === 'assign');
  const initial = firstAssign?.kind === 'assign' ? firstAssign.before : t.assigneeId;
  return cutConversations(t.chatId, facts, initial).conversations;
}

/** Cuts these chats' whole timelines and stores their conversations in place of the old ones. */
export async function recutChats(database: Database, chatIds: readonly string[]): Promise<void> {
  const timelines = await chatTimelines(database.raw, chatIds);
  const rows = [...timelines.values()].flatMap(t => cutTimeline(t).map(c => rowOf(t.accountId, c)));
  // A chat that is gone loses its rows too (it is in chatIds, not in timelines). The versions,
  // in the same transaction, tell every process's conversation index to read these chats again.
  await database.rawTransaction(async tx => {
    await replaceChatConversations(tx, chatIds, rows);
    await recordVersions(tx, chatIds, Date.now());
  });
}

/** One round: cut up to CHATS_PER_ROUND queued chats; how many it handled. */
export async function drainReportQueue(database: Database, log: ServerLog): Promise<number> {
  const queued = await dirtyChats(database.raw, CHATS_PER_ROUND);
  const ids = queued.map(q => q.chatId);
  // Unqueued first: a change committed while the chats are cut queues its chat again.
  await unmarkChats(database.raw, ids);
  try {
    await recutChats(database, ids);
  } catch (err) {
    log.error({ err, chats: ids.length }, 'report: cutting chats failed; queued again');
    await database.raw.query('insert ignore into report_dirty_chats (chat_id, backfill) values ?', [
      queued.map(q => [q.chatId, q.backfill]),
    ]);
    throw err;
  }
  if (queued.length > 0) await pruneVersions(database.raw, Date.now());
  return queued.length;
}

export const DEFAULT_REPORT_POLL_MS = 1_000;

export function startReportWorker(database: Database, log: ServerLog, pollMs = DEFAULT_REPORT_POLL_MS): WorkLoop {
  return startWorkLoop({ name: 'report-tables', pollMs, log, round: () => drainReportQueue(database, log) });
}

export { markChatsDirty };
