/**
 * The desktop's automation triggers about a chat rather than a message (#17, not signed in):
 * chats whose customer waits for a reply ('chat.unanswered') and status changes waiting
 * for their 'status.changed' rules (automation_status_triggers, 0016).
 */
import { randomUUID } from 'node:crypto';
import type { ChatId, ChatStatus } from '../../../common/domain';
import { CHAT_STATUSES } from '../../../common/automation/rules/schema';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';

export type WaitingChat = { readonly chatId: ChatId; readonly accountId: string; readonly waitingSince: number };

/**
 * 1:1 chats not resolved, with a message since `activeSince`, whose customer has waited since
 * at most `waitingUntil`: `waitingSince` is their first message after our last reply by a
 * person (automated messages are no reply). The same question as the server's waitingChats.
 */
export function waitingChats(
  db: StoreDb,
  opts: { readonly activeSince: number; readonly waitingUntil: number; readonly limit: number },
): WaitingChat[] {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT c.id AS chat_id, c.account_id,
           (SELECT min(m.ts) FROM messages m
             WHERE m.chat_id = c.id AND m.from_me = 0
               AND m.ts > coalesce((SELECT max(t.ts) FROM messages t
                                     WHERE t.chat_id = c.id AND t.from_me = 1 AND t.automated = 0), -1)) AS waiting_since
         FROM chats c
         WHERE c.last_message_at >= ? AND c.is_group = 0 AND c.status <> 'resolved'
       ) w
       WHERE w.waiting_since IS NOT NULL AND w.waiting_since <= ?
       ORDER BY w.waiting_since LIMIT ?`,
    )
    .all(opts.activeSince, opts.waitingUntil, opts.limit) as Array<{
    chat_id: string;
    account_id: string;
    waiting_since: number;
  }>;
  return rows.map(r => ({ chatId: r.chat_id as ChatId, accountId: r.account_id, waitingSince: r.waiting_since }));
}

export type StatusTrigger = {
  readonly triggerKey: string;
  readonly chatId: ChatId;
  readonly from: ChatStatus;
  readonly to: ChatStatus;
  readonly createdAt: number;
};

/**
 * The user's status change on a desktop that is not signed in, and the trigger its rules
 * run from, in one transaction: a crash after it leaves the trigger to run on the next
 * start. The version is left alone (a workspace signed in to later still wins). Null: no
 * such chat, or the status is already that.
 */
export function setLocalChatStatus(
  db: StoreDb,
  chatId: ChatId,
  status: ChatStatus,
  now = Date.now(),
): StatusTrigger | null {
  return inTransaction(db, () => {
    const from = db.prepare('SELECT status FROM chats WHERE id = ?').pluck().get(chatId) as ChatStatus | undefined;
    if (from === undefined || from === status) return null;
    db.prepare('UPDATE chats SET status = ? WHERE id = ?').run(status, chatId);
    const trigger: StatusTrigger = { triggerKey: randomUUID(), chatId, from, to: status, createdAt: now };
    db.prepare(
      `INSERT INTO automation_status_triggers (trigger_key, chat_id, from_status, to_status, created_at)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(trigger.triggerKey, chatId, from, status, now);
    return trigger;
  });
}

const isStatus = (s: string): s is ChatStatus => (CHAT_STATUSES as readonly string[]).includes(s);

/** Status changes whose rules have not run yet, oldest first. */
export function listStatusTriggers(db: StoreDb, limit = 500): StatusTrigger[] {
  const rows = db
    .prepare('SELECT * FROM automation_status_triggers ORDER BY created_at, trigger_key LIMIT ?')
    .all(limit) as Array<{
    trigger_key: string;
    chat_id: string;
    from_status: string;
    to_status: string;
    created_at: number;
  }>;
  return rows.flatMap(r =>
    isStatus(r.from_status) && isStatus(r.to_status)
      ? [
          {
            triggerKey: r.trigger_key,
            chatId: r.chat_id as ChatId,
            from: r.from_status,
            to: r.to_status,
            createdAt: r.created_at,
          },
        ]
      : [],
  );
}

export function removeStatusTrigger(db: StoreDb, triggerKey: string): void {
  db.prepare('DELETE FROM automation_status_triggers WHERE trigger_key = ?').run(triggerKey);
}
