/**
 * What the push path's rule execution reads and writes, as plain statements on the push's
 * raw transaction (like push.ts): a chat's facts, a template, a queued automated send and a
 * chat's tags or status.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { WireSend } from '../../../../common/protocol';
import type { RawTx } from '../index';

export type RuleChat = {
  readonly id: string;
  readonly accountId: string;
  readonly jid: string;
  readonly name: string;
  readonly tags: string[];
  readonly numberName: string;
  readonly hostDeviceId: string | null;
  readonly hostOnline: boolean;
  readonly hoursJson: string | null;
};

function parseTags(text: unknown): string[] {
  try {
    const v: unknown = JSON.parse(String(text));
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export async function ruleChat(tx: RawTx, chatId: string): Promise<RuleChat | null> {
  const [rows] = await tx.query<RowDataPacket[]>(
    `select c.id, c.account_id, c.jid, c.name, c.tags, a.name as number_name, a.host_device_id, a.host_online, s.hours
       from chats c join accounts a on a.id = c.account_id
       left join automation_settings s on s.account_id = c.account_id
      where c.id = ?`,
    [chatId],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: String(r['id']),
    accountId: String(r['account_id']),
    jid: String(r['jid']),
    name: String(r['name']),
    tags: parseTags(r['tags']),
    numberName: String(r['number_name']),
    hostDeviceId: (r['host_device_id'] as string | null) ?? null,
    hostOnline: Boolean(r['host_online']),
    hoursJson: (r['hours'] as string | null) ?? null,
  };
}

/** The newest message of the chat before this instant; null: none. */
export async function previousMessageAt(tx: RawTx, chatId: string, before: number): Promise<number | null> {
  const [rows] = await tx.query<RowDataPacket[]>('select max(ts) as at from messages where chat_id = ? and ts < ?', [
    chatId,
    before,
  ]);
  const at = rows[0]?.['at'];
  return at === null || at === undefined ? null : Number(at);
}

/** Automated sends to the chat since `since`: the cool-down counts them. */
export async function automatedSendsSince(tx: RawTx, chatId: string, since: number): Promise<number> {
  const [rows] = await tx.query<RowDataPacket[]>(
    `select count(*) as n from sends where chat_id = ? and origin = 'automation' and created_at >= ?`,
    [chatId, since],
  );
  return Number(rows[0]?.['n'] ?? 0);
}

export async function templateBody(tx: RawTx, id: string): Promise<string | null> {
  const [rows] = await tx.query<RowDataPacket[]>('select body from templates where id = ?', [id]);
  const body = rows[0]?.['body'];
  return body === undefined ? null : String(body);
}

export async function queueAutomatedSend(tx: RawTx, s: WireSend, senderDeviceId: string): Promise<void> {
  await tx.query(
    `insert into sends (client_message_id, account_id, chat_id, chat_jid, sender_id, sender_device_id, body,
       quoted_provider_message_id, state, created_at, updated_at, origin)
     values (?, ?, ?, ?, ?, ?, ?, null, 'queued', ?, ?, 'automation')`,
    [s.clientMessageId, s.accountId, s.chatId, s.chatJid, s.senderId, senderDeviceId, s.body, s.createdAt, s.createdAt],
  );
}

export async function setChatTags(tx: RawTx, chatId: string, tags: readonly string[]): Promise<void> {
  await tx.query('update chats set tags = ?, version = version + 1 where id = ?', [JSON.stringify(tags), chatId]);
}

export async function setChatStatus(tx: RawTx, chatId: string, status: string): Promise<void> {
  await tx.query('update chats set status = ?, version = version + 1 where id = ?', [status, chatId]);
}
