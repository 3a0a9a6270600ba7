/**
 * message_changes (0038): the edits and deletes-for-everyone members ask for with
 * message:change. The row is inserted before anything is relayed, keyed by the client's
 * id, so a retry finds it and nothing reaches WhatsApp twice; its state moves from queued
 * to sent or failed once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { RowDataPacket } from 'mysql2';
import type { WireMessageChange } from '../../../../common/protocol-message-changes';
import type { Exec, RawExec } from '../index';
import { messageChanges } from '../schema';
import { isDuplicateKey } from './chats';

export type MessageChangeRow = typeof messageChanges.$inferSelect;

export const wireMessageChange = (r: MessageChangeRow): WireMessageChange => ({
  clientChangeId: r.clientChangeId,
  accountId: r.accountId,
  chatId: r.chatId,
  chatJid: r.chatJid,
  providerMessageId: r.providerMessageId,
  kind: r.kind === 'delete' ? 'delete' : 'edit',
  text: r.text,
  state: r.state === 'sent' || r.state === 'failed' ? r.state : 'queued',
  error: r.error,
});

export async function messageChangeById(db: Exec, id: string): Promise<MessageChangeRow | undefined> {
  const [row] = await db.select().from(messageChanges).where(eq(messageChanges.clientChangeId, id)).limit(1);
  return row;
}

/** False when the id is already taken (a retry, or a race with one). */
export async function insertMessageChange(db: Exec, row: MessageChangeRow): Promise<boolean> {
  try {
    await db.insert(messageChanges).values(row);
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Settles a queued change; false when it was settled already (the first outcome wins). */
export async function settleMessageChange(
  db: Exec,
  id: string,
  outcome: { state: 'sent' | 'failed'; error: string | null },
  now: number,
): Promise<boolean> {
  const [r] = await db
    .update(messageChanges)
    .set({ state: outcome.state, error: outcome.error, updatedAt: now })
    .where(and(eq(messageChanges.clientChangeId, id), eq(messageChanges.state, 'queued')));
  return r.affectedRows > 0;
}

export async function queuedMessageChanges(db: Exec, accountIds: readonly string[]): Promise<MessageChangeRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .select()
    .from(messageChanges)
    .where(and(inArray(messageChanges.accountId, [...accountIds]), eq(messageChanges.state, 'queued')))
    .limit(500);
}

/** What the server knows of a stored message that the change checks need. */
export type ChangedMessage = { fromMe: boolean; type: string; timestamp: number; revoked: boolean };

/** The newest relayed replies of a number looked at for a sent message not pushed yet. */
const RECENT_SENDS = 200;

/**
 * The message, or a reply a member sent through the server whose host reported it sent
 * but has not pushed the message yet (the send's report comes first; the push follows
 * within seconds): such a reply is ours, and a text unless it carried a file or template.
 */
export async function changedMessage(
  db: RawExec,
  accountId: string,
  chatId: string,
  providerMessageId: string,
): Promise<ChangedMessage | null> {
  const [rows] = await db.query<RowDataPacket[]>(
    'select from_me, type, ts, revoked from messages where account_id = ? and provider_message_id = ? and chat_id = ? limit 1',
    [accountId, providerMessageId, chatId],
  );
  const r = rows[0];
  if (r)
    return {
      fromMe: Boolean(r['from_me']),
      type: String(r['type']),
      timestamp: Number(r['ts']),
      revoked: Boolean(r['revoked']),
    };
  // Bounded by the (account, state, row) index: a made-up id costs at most RECENT_SENDS rows.
  const [sent] = await db.query<RowDataPacket[]>(
    `select s.updated_at, s.attachment, s.template from
       (select provider_message_id, chat_id, updated_at, attachment, template from sends
        where account_id = ? and state = 'sent' order by row_id desc limit ?) s
     where s.provider_message_id = ? and s.chat_id = ? limit 1`,
    [accountId, RECENT_SENDS, providerMessageId, chatId],
  );
  const s = sent[0];
  if (!s) return null;
  const text = s['attachment'] === null && s['template'] === null;
  return { fromMe: true, type: text ? 'text' : 'document', timestamp: Number(s['updated_at']), revoked: false };
}
