/**
 * Filling event references in. A `messages:upserted` fact is stored as a `MessagesRef`
 * (the chat and its messages' provider ids); readers get the messages as they are now,
 * from one batched SELECT per account, and chat events whose writer did not read the chat
 * get its current assignee for fan-out. Plain mysql2: this runs for every pull page and
 * every live delivery, where drizzle's row mapping costs more than the read.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { SyncEventBody, WireMessage } from '../../../../common/protocol';
import type { RawExec } from '../index';
import type { MessageRow } from './chats';
import type { CreatedMessage, CreatedMessages } from './push';
import { wireMessageOf } from './chats';
import { keyOf } from './message-key';
import { reactionsOf } from './reactions';
import { pollKeysOf, pollsOf } from './polls';
import { mentionKeysOf, mentionsOf } from './mentions';

/** How a messages:upserted fact is stored in the log. */
export type MessagesRef = {
  readonly type: 'messages:upserted';
  readonly chatId: string;
  readonly accountId: string;
  /** Provider message ids, in the account; unique per (account, provider message id). */
  readonly ids: readonly string[];
};
/** What an events row's payload holds: a fact as sent, or a reference to fill in. */
export type StoredBody = SyncEventBody | MessagesRef;

const CHUNK = 1000;

export const isRef = (b: StoredBody): b is MessagesRef => b.type === 'messages:upserted' && 'ids' in b;

/** How many messages a stored body stands for once filled in. */
export const refSize = (b: StoredBody): number =>
  isRef(b) ? b.ids.length : b.type === 'messages:upserted' ? b.messages.length : 0;

export const MESSAGE_COLUMNS = `row_id, account_id, provider_message_id, chat_id, from_me, author, author_name, type, body, caption,
  media, media_sha256, location, quoted_provider_message_id, ts, ack, edited, revoked, client_message_id`;

export function toMessageRow(r: RowDataPacket): MessageRow {
  return {
    rowId: Number(r['row_id']),
    accountId: String(r['account_id']),
    providerMessageId: String(r['provider_message_id']),
    chatId: String(r['chat_id']),
    fromMe: Boolean(r['from_me']),
    author: (r['author'] as string | null) ?? null,
    authorName: (r['author_name'] as string | null) ?? null,
    type: String(r['type']),
    body: (r['body'] as string | null) ?? null,
    caption: (r['caption'] as string | null) ?? null,
    media: (r['media'] as string | null) ?? null,
    mediaSha256: (r['media_sha256'] as string | null) ?? null,
    location: (r['location'] as string | null) ?? null,
    quotedProviderMessageId: (r['quoted_provider_message_id'] as string | null) ?? null,
    timestamp: Number(r['ts']),
    ack: String(r['ack']),
    edited: Boolean(r['edited']),
    revoked: Boolean(r['revoked']),
    clientMessageId: (r['client_message_id'] as string | null) ?? null,
  };
}

/** The messages with these keys, keyed by keyOf(account, provider id). */
async function messagesByKeys(raw: RawExec, byAccount: Map<string, Set<string>>): Promise<Map<string, MessageRow>> {
  const out = new Map<string, MessageRow>();
  for (const [accountId, idSet] of byAccount) {
    const ids = [...idSet];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [rows] = await raw.query<RowDataPacket[]>(
        `select ${MESSAGE_COLUMNS} from messages where account_id = ? and provider_message_id in (?)`,
        [accountId, ids.slice(i, i + CHUNK)],
      );
      for (const r of rows) {
        const m = toMessageRow(r);
        out.set(keyOf(m.accountId, m.providerMessageId), m);
      }
    }
  }
  return out;
}

/**
 * Row ids of these messages, keyed by keyOf: first by primary-key range (the ranges their
 * inserts were given), then by key for any not found there.
 */
async function rowIdsByKeys(
  raw: RawExec,
  byAccount: Map<string, Set<string>>,
  ranges: CreatedMessages['rowRanges'],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const { first, last } of ranges) {
    const [rows] = await raw.query<RowDataPacket[]>(
      'select row_id, account_id, provider_message_id from messages where row_id between ? and ?',
      [first, last],
    );
    for (const r of rows)
      out.set(keyOf(String(r['account_id']), String(r['provider_message_id'])), Number(r['row_id']));
  }
  for (const [accountId, idSet] of byAccount) {
    const ids = [...idSet].filter(id => !out.has(keyOf(accountId, id)));
    for (let i = 0; i < ids.length; i += CHUNK) {
      const [rows] = await raw.query<RowDataPacket[]>(
        'select row_id, provider_message_id from messages where account_id = ? and provider_message_id in (?)',
        [accountId, ids.slice(i, i + CHUNK)],
      );
      for (const r of rows) out.set(keyOf(accountId, String(r['provider_message_id'])), Number(r['row_id']));
    }
  }
  return out;
}

const add = (into: Map<string, Set<string>>, accountId: string, id: string) => {
  const set = into.get(accountId) ?? new Set<string>();
  set.add(id);
  into.set(accountId, set);
};

/**
 * Every stored body as the fact a device receives: references become messages, oldest
 * first. `created` (live delivery of a push) holds messages the push inserted, whose rows
 * equal what was pushed: for those the row is not read, and the row id only when the
 * insert's result did not give it.
 */
export async function fillBodies(
  raw: RawExec,
  bodies: readonly StoredBody[],
  created?: CreatedMessages,
): Promise<SyncEventBody[]> {
  const inserted = created?.messages ?? new Map<string, CreatedMessage>();
  const wanted = new Map<string, Set<string>>();
  const wantedRowIds = new Map<string, Set<string>>();
  // Reactions of every message, pushed ones too: a reaction may have come before its message.
  const all = new Map<string, Set<string>>();
  for (const b of bodies) {
    if (!isRef(b)) continue;
    for (const id of b.ids) {
      add(all, b.accountId, id);
      const pushed = inserted.get(keyOf(b.accountId, id));
      if (!pushed) add(wanted, b.accountId, id);
      else if (pushed.rowId === null) add(wantedRowIds, b.accountId, id);
    }
  }
  if (!bodies.some(isRef)) return bodies as SyncEventBody[];
  const [found, rowIds, reactions] = await Promise.all([
    messagesByKeys(raw, wanted),
    rowIdsByKeys(raw, wantedRowIds, wantedRowIds.size ? (created?.rowRanges ?? []) : []),
    reactionsOf(raw, all),
  ]);
  const rowOf = (accountId: string, id: string) => {
    const key = keyOf(accountId, id);
    return inserted.get(key)?.row ?? found.get(key);
  };
  // Only poll messages are looked up in message_polls, only bodies with an `@` in
  // message_mentions, and most facts hold neither.
  const rows = bodies.filter(isRef).flatMap(b => b.ids.map(id => rowOf(b.accountId, id)).filter(r => r !== undefined));
  const [polls, mentions] = await Promise.all([pollsOf(raw, pollKeysOf(rows)), mentionsOf(raw, mentionKeysOf(rows))]);
  return bodies.map(b => {
    if (!isRef(b)) return b;
    const messages: WireMessage[] = [];
    for (const id of b.ids) {
      const key = keyOf(b.accountId, id);
      const pushed = inserted.get(key);
      const row = pushed ? pushed.row : found.get(key);
      const rowId = pushed ? (pushed.rowId ?? rowIds.get(key)) : found.get(key)?.rowId;
      if (row && rowId !== undefined)
        messages.push(wireMessageOf(row, rowId, reactions.get(key), polls.get(key), mentions.get(key)));
    }
    messages.sort((x, y) => x.timestamp - y.timestamp || x.rowId - y.rowId);
    return { type: 'messages:upserted', chatId: b.chatId, messages };
  });
}

/** The current assignee of each chat (absent: no such chat). */
export async function assigneesOf(raw: RawExec, chatIds: readonly string[]): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  const ids = [...new Set(chatIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const [rows] = await raw.query<RowDataPacket[]>('select id, assignee_id from chats where id in (?)', [
      ids.slice(i, i + CHUNK),
    ]);
    for (const r of rows) out.set(String(r['id']), (r['assignee_id'] as string | null) ?? null);
  }
  return out;
}
