/**
 * message_changes (0038): the edits and deletes-for-everyone members ask for with
 * message:change, relayed to the number's host like every relayed request
 * (relayed-requests.ts: stored first under the client's id, queued until the host reports,
 * settled once). What is their own: the wire shape, and the message a change is checked
 * against.
 */
import type { RowDataPacket } from 'mysql2';
import type { WireMessageChange } from '../../../../common/protocol-message-changes';
import type { RawExec } from '../index';
import { messageChanges } from '../schema';
import { relayedRequests, wireRelayedState } from './relayed-requests';

export type MessageChangeRow = typeof messageChanges.$inferSelect;

export const wireMessageChange = (r: MessageChangeRow): WireMessageChange => ({
  clientChangeId: r.clientChangeId,
  accountId: r.accountId,
  chatId: r.chatId,
  chatJid: r.chatJid,
  providerMessageId: r.providerMessageId,
  kind: r.kind === 'delete' ? 'delete' : 'edit',
  text: r.text,
  state: wireRelayedState(r.state),
  error: r.error,
});

export const relayedChanges = relayedRequests(messageChanges, messageChanges.clientChangeId);
export const messageChangeById = relayedChanges.byId;
export const insertMessageChange = relayedChanges.insert;

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
