/**
 * Keeps report_conversations current (migration 0034): a push, a status or an assignment change
 * queues its chat in the same transaction (report_dirty_chats), and this worker, on the server's
 * work loop, cuts each queued chat's timeline again with the same cutConversations the old
 * computation used and replaces that chat's rows. One chat at a time, each an awaited query:
 * the event loop stays free, and a restart resumes from the queue (the rows are durable).
 */
import type { Database } from '../db/index';
import type { StoredConversation } from '../db/repositories/report-tables';
import {
  chatTimeline,
  dirtyChats,
  markChatsDirty,
  replaceChatConversations,
  unmarkChat,
} from '../db/repositories/report-tables';
import type { ServerLog } from '../log';
import type { WorkLoop } from '../work-loop';
import { startWorkLoop } from '../work-loop';
import type { Conversation, Fact } from './conversations';
import { byTime, cutConversations } from './conversations';

/** Chats cut per round: small, so live changes queued meanwhile wait one round at most. */
const CHATS_PER_ROUND = 50;

function rowOf(accountId: string, c: Conversation): StoredConversation {
  const resolvedAt = c.resolvedAt;
  const lastReopen = c.reopenedAt.length > 0 ? c.reopenedAt[c.reopenedAt.length - 1]! : 0;
  return [
    accountId,
    c.chatId,
    c.openedAt,
    c.firstResponseAt,
    c.firstResponderId,
    resolvedAt,
    c.resolvedBy,
    c.assigneeId,
    c.assigneeSince,
    [...c.holders].join(','),
    c.reopenedAt.length,
    c.reopenedAt.length > 0 ? c.reopenedAt.join(',') : null,
    c.lastMessageAt,
    Math.max(c.lastMessageAt, resolvedAt ?? 0, lastReopen),
    c.messagesIn,
    c.messagesOut,
  ];
}

/** Cuts one chat's whole timeline into conversations and stores them in place of the old ones. */
export async function recutChat(database: Database, chatId: string): Promise<void> {
  const t = await chatTimeline(database.raw, chatId);
  if (!t) {
    await replaceChatConversations(database.raw, chatId, []);
    return;
  }
  const facts: Fact[] = [
    ...t.messages.map((m): Fact => ({
      kind: 'message',
      at: m.at,
      fromMe: m.fromMe,
      senderId: m.senderId,
      automated: m.automated,
    })),
    ...t.changes.map((c): Fact => (c.kind === 'assign' ? { kind: 'assign', at: c.at, assigneeId: c.after } : c)),
  ].sort(byTime);
  // Who had the chat before its first fact: the first assignment's "before", else who has it now.
  const firstAssign = t.changes.find(c => c.kind === 'assign');
  const initial = firstAssign?.kind === 'assign' ? firstAssign.before : t.assigneeId;
  const rows = cutConversations(chatId, facts, initial).conversations.map(c => rowOf(t.accountId, c));
  await database.rawTransaction(tx => replaceChatConversations(tx, chatId, rows));
}

/** One round: cut up to CHATS_PER_ROUND queued chats; how many it handled. */
export async function drainReportQueue(database: Database, log: ServerLog): Promise<number> {
  const queued = await dirtyChats(database.raw, CHATS_PER_ROUND);
  for (const { chatId, backfill } of queued) {
    // Unqueued first: a change committed while the chat is cut queues it again.
    await unmarkChat(database.raw, chatId);
    try {
      await recutChat(database, chatId);
    } catch (err) {
      log.error({ err, chatId }, 'report: cutting a chat failed; queued again');
      await database.raw.query('insert ignore into report_dirty_chats (chat_id, backfill) values (?, ?)', [
        chatId,
        backfill,
      ]);
      throw err;
    }
  }
  return queued.length;
}

export const DEFAULT_REPORT_POLL_MS = 1_000;

export function startReportWorker(database: Database, log: ServerLog, pollMs = DEFAULT_REPORT_POLL_MS): WorkLoop {
  return startWorkLoop({ name: 'report-tables', pollMs, log, round: () => drainReportQueue(database, log) });
}

export { markChatsDirty };
