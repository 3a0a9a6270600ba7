/**
 * read_receipts (0028): inbound messages marked read from any device. The row is inserted
 * before anything is sent, keyed by (account, message), so each message is marked once
 * however often chat:read comes. A Cloud number's row waits as `queued` for the worker,
 * whose claim moves `next_attempt_at` forward (a lease: a node that stops mid-request
 * leaves it to be taken again later); a desktop number's row is `relayed` at once.
 */
import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { Exec, RawExec } from '../index';
import { accounts, chats, readReceipts } from '../schema';
import { isDuplicateKey } from './chats';

export type ReadReceiptRow = typeof readReceipts.$inferSelect;

/** The chat's newest inbound message, or the newest not after `upTo` (when it is stored). */
export async function lastInboundMessage(
  db: RawExec,
  chatId: string,
  upTo: string | undefined,
): Promise<{ providerMessageId: string; timestamp: number } | null> {
  const [rows] = await db.query<RowDataPacket[]>(
    upTo === undefined
      ? 'select provider_message_id, ts from messages where chat_id = ? and from_me = false order by ts desc, row_id desc limit 1'
      : `select m.provider_message_id, m.ts from messages m
           join messages u on u.chat_id = m.chat_id and u.provider_message_id = ?
         where m.chat_id = ? and m.from_me = false and (m.ts < u.ts or (m.ts = u.ts and m.row_id <= u.row_id))
         order by m.ts desc, m.row_id desc limit 1`,
    upTo === undefined ? [chatId] : [upTo, chatId],
  );
  const r = rows[0];
  return r ? { providerMessageId: String(r['provider_message_id']), timestamp: Number(r['ts']) } : null;
}

/** False when this message was marked already (or is being marked). */
export async function insertReadReceipt(
  db: Exec,
  row: Pick<ReadReceiptRow, 'accountId' | 'providerMessageId' | 'chatId' | 'state'>,
  now: number,
): Promise<boolean> {
  try {
    await db.insert(readReceipts).values({ ...row, attempts: 0, nextAttemptAt: now, createdAt: now, updatedAt: now });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function readReceiptOf(
  db: Exec,
  accountId: string,
  providerMessageId: string,
): Promise<ReadReceiptRow | undefined> {
  const [row] = await db
    .select()
    .from(readReceipts)
    .where(and(eq(readReceipts.accountId, accountId), eq(readReceipts.providerMessageId, providerMessageId)))
    .limit(1);
  return row;
}

/** Queued receipts whose time has come, oldest first. */
export async function dueReadReceipts(db: Exec, now: number, limit: number): Promise<ReadReceiptRow[]> {
  return db
    .select()
    .from(readReceipts)
    .where(and(eq(readReceipts.state, 'queued'), lte(readReceipts.nextAttemptAt, now)))
    .orderBy(asc(readReceipts.nextAttemptAt))
    .limit(limit);
}

/** Takes a due receipt for this node until `leaseUntil`; false when another node took it first. */
export async function claimReadReceipt(db: Exec, r: ReadReceiptRow, leaseUntil: number): Promise<boolean> {
  const [res] = await db
    .update(readReceipts)
    .set({ nextAttemptAt: leaseUntil, attempts: sql`${readReceipts.attempts} + 1` })
    .where(
      and(
        eq(readReceipts.accountId, r.accountId),
        eq(readReceipts.providerMessageId, r.providerMessageId),
        eq(readReceipts.state, 'queued'),
        eq(readReceipts.nextAttemptAt, r.nextAttemptAt),
      ),
    );
  return res.affectedRows === 1;
}

/** Settles a receipt (sent or failed) or puts it back in the queue until `retryAt`. */
export async function settleReadReceipt(
  db: Exec,
  r: Pick<ReadReceiptRow, 'accountId' | 'providerMessageId'>,
  outcome: { state: 'sent' | 'failed' | 'queued'; error: string | null; retryAt?: number },
  now: number,
): Promise<void> {
  await db
    .update(readReceipts)
    .set({
      state: outcome.state,
      error: outcome.error,
      updatedAt: now,
      ...(outcome.retryAt !== undefined ? { nextAttemptAt: outcome.retryAt } : {}),
    })
    .where(and(eq(readReceipts.accountId, r.accountId), eq(readReceipts.providerMessageId, r.providerMessageId)));
}

/** The number's "Send read receipts" setting; false for an unknown number. */
export async function sendsReadReceipts(db: Exec, accountId: string): Promise<boolean> {
  const [row] = await db
    .select({ on: accounts.readReceipts })
    .from(accounts)
    .where(eq(accounts.id, accountId))
    .limit(1);
  return row?.on ?? false;
}

/** False for an unknown number. */
export async function setReadReceipts(db: Exec, accountId: string, enabled: boolean): Promise<boolean> {
  const [res] = await db.update(accounts).set({ readReceipts: enabled }).where(eq(accounts.id, accountId));
  return res.affectedRows === 1;
}

/** The team read the chat up to `readAt`: unread 0 for everyone. False when it was read that far already. */
export async function advanceChatReadAt(db: Exec, chatId: string, readAt: number): Promise<boolean> {
  const [res] = await db
    .update(chats)
    .set({ readAt, unreadCount: 0 })
    .where(and(eq(chats.id, chatId), or(isNull(chats.readAt), lt(chats.readAt, readAt))));
  return res.affectedRows === 1;
}

/**
 * Settled read receipts, reactions and message changes older than `before`, deleted (at most
 * `limit` of each a call): they only stop a repeat, and a repeat that old is harmless
 * (WhatsApp marks a message read once; a reaction re-sent sets the same emoji; an edit or
 * delete that old is past WhatsApp's window and refused). Queued rows are kept.
 */
export async function pruneSettled(db: RawExec, before: number, limit = 5_000): Promise<number> {
  const [a] = await db.query<ResultSetHeader>(
    "delete from read_receipts where state <> 'queued' and updated_at < ? limit ?",
    [before, limit],
  );
  const [b] = await db.query<ResultSetHeader>(
    "delete from reaction_requests where state <> 'queued' and updated_at < ? limit ?",
    [before, limit],
  );
  const [c] = await db.query<ResultSetHeader>(
    "delete from message_changes where state <> 'queued' and updated_at < ? limit ?",
    [before, limit],
  );
  return a.affectedRows + b.affectedRows + c.affectedRows;
}

/** A desktop number's receipt waiting for its host to connect (state `pending`), with the chat's jid. */
export type PendingRelayRead = { accountId: string; providerMessageId: string; chatId: string; chatJid: string };

/** The receipts of these numbers that no host has been handed yet, oldest first. */
export async function pendingRelayReads(db: RawExec, accountIds: readonly string[]): Promise<PendingRelayRead[]> {
  if (accountIds.length === 0) return [];
  const [rows] = await db.query<RowDataPacket[]>(
    `select r.account_id, r.provider_message_id, r.chat_id, c.jid from read_receipts r
       join chats c on c.id = r.chat_id
     where r.state = 'pending' and r.account_id in (?)
     order by r.created_at limit 1000`,
    [accountIds],
  );
  return rows.map(r => ({
    accountId: String(r['account_id']),
    providerMessageId: String(r['provider_message_id']),
    chatId: String(r['chat_id']),
    chatJid: String(r['jid']),
  }));
}

/**
 * Moves a pending receipt to `relayed`; true for the one caller that did (it then hands it to
 * the host), so a receipt is offered once however many nodes and reconnects race for it.
 */
export async function takePendingRead(
  db: Exec,
  r: Pick<ReadReceiptRow, 'accountId' | 'providerMessageId'>,
  now: number,
): Promise<boolean> {
  const [res] = await db
    .update(readReceipts)
    .set({ state: 'relayed', updatedAt: now })
    .where(
      and(
        eq(readReceipts.accountId, r.accountId),
        eq(readReceipts.providerMessageId, r.providerMessageId),
        eq(readReceipts.state, 'pending'),
      ),
    );
  return res.affectedRows === 1;
}
