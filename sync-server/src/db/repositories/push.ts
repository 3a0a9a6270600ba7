/**
 * What a host device pushes: idempotent upserts keyed by (account, provider message id),
 * so a batch delivered twice changes nothing the second time. Written as plain
 * parameterised mysql2 statements on a raw transaction: building a 1,000-row insert
 * through drizzle's query builder cost more than MariaDB took to store it.
 */
import type { ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import { asAccountId, chatIdOf } from '../../../../common/domain';
import type { ChatInput, ContactInput, MessageInput } from '../../../../common/ingest';
import type { RawTx } from '../index';
import type { StoredMessage } from './chats';
import { keyOf } from './message-key';
import { messageInsert, messageUpsert } from './message-insert';
import type { NewMessage } from './report-tables';

const CHUNK = 1000;

export function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

export async function upsertContacts(tx: RawTx, list: readonly ContactInput[]): Promise<void> {
  for (const part of chunks(list)) {
    await tx.query(
      `insert into contacts (account_id, contact_key, jid, lid, phone, name, push_name) values ?
       on duplicate key update jid = coalesce(values(jid), jid), lid = coalesce(values(lid), lid),
         phone = coalesce(values(phone), phone), name = coalesce(values(name), name), push_name = coalesce(values(push_name), push_name)`,
      [part.map(c => [c.accountId, c.jid ?? c.lid, c.jid, c.lid, c.phone, c.name, c.pushName])],
    );
  }
}

/** Pushed chat metadata; workspace fields (status, assignee, tags, version) are never touched. */
export async function upsertChats(tx: RawTx, list: readonly ChatInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunks(list)) {
    const rows = part.map(c => {
      const id = chatIdOf(asAccountId(c.accountId), c.jid);
      ids.push(id);
      // -1 marks "not given": the stored count is kept (new rows fixed below).
      return [id, c.accountId, c.jid, c.isGroup, c.name, c.timestamp ?? null, c.unreadCount ?? -1, '[]'];
    });
    await tx.query(
      `insert into chats (id, account_id, jid, is_group, name, last_message_at, unread_count, tags) values ?
       on duplicate key update name = values(name), is_group = values(is_group),
         unread_count = if(values(unread_count) < 0, unread_count, values(unread_count)),
         last_message_at = greatest(coalesce(last_message_at, 0), coalesce(values(last_message_at), 0))`,
      [rows],
    );
  }
  if (ids.length) await tx.query('update chats set unread_count = 0 where unread_count < 0 and id in (?)', [ids]);
  return ids;
}

/**
 * Chats that messages refer to but that were never pushed get a minimal row; existing
 * chats move to the top by their newest message.
 */
async function touchChats(tx: RawTx, list: readonly MessageInput[]): Promise<void> {
  const newest = new Map<string, { m: MessageInput; ts: number }>();
  for (const m of list) {
    const id = chatIdOf(asAccountId(m.accountId), m.chatJid);
    const prev = newest.get(id);
    if (!prev || prev.ts < m.timestamp) newest.set(id, { m, ts: m.timestamp });
  }
  for (const part of chunks([...newest.entries()])) {
    await tx.query(
      `insert into chats (id, account_id, jid, is_group, name, last_message_at, unread_count, tags) values ?
       on duplicate key update last_message_at = greatest(coalesce(last_message_at, 0), values(last_message_at))`,
      [
        part.map(([id, { m, ts }]) => [
          id,
          m.accountId,
          m.chatJid,
          m.chatJid.endsWith('@g.us'),
          m.chatJid,
          ts,
          0,
          '[]',
        ]),
      ],
    );
  }
}

/** A message a push stored or changed, by key, with its chat: what messages:upserted refers to. */
export type TouchedMessage = {
  readonly accountId: string;
  readonly chatId: string;
  readonly providerMessageId: string;
  /** When it was sent, for messages a push stored (orders a chat's messages in its event). */
  readonly timestamp?: number;
};

/** A message a push inserted: its row, and its row id when the insert's own result gives it. */
export type CreatedMessage = { readonly row: StoredMessage; readonly rowId: number | null };

/**
 * Messages a push inserted, keyed by keyOf. Where inserts get consecutive ids
 * (insertsGetConsecutiveIds) each row's id is its statement's insertId plus its place in
 * it. Otherwise `rowRanges` holds the intervals the statements were given: a primary-key
 * range read finds the ids far more cheaply than looking 1,000 keys up, and any id not
 * found there is looked up by key.
 */
export type CreatedMessages = {
  readonly messages: Map<string, CreatedMessage>;
  readonly rowRanges: Array<{ readonly first: number; readonly last: number }>;
};

/**
 * The row a push writes for this input (its row id aside). Field by field: rest and spread
 * of the parsed input were the largest single cost of a push on the server's event loop.
 */
function storedRowOf(m: MessageInput, chatId: string): StoredMessage {
  return {
    accountId: m.accountId,
    providerMessageId: m.providerMessageId,
    chatId,
    fromMe: m.fromMe,
    author: m.author,
    authorName: m.authorName,
    type: m.type,
    body: m.body,
    caption: m.caption,
    media: m.media ? JSON.stringify(m.media) : null,
    mediaSha256: m.media?.sha256 ?? null,
    location: m.location ? JSON.stringify(m.location) : null,
    quotedProviderMessageId: m.quotedProviderMessageId,
    timestamp: m.timestamp,
    ack: m.ack,
    edited: m.edited,
    revoked: m.revoked,
    clientMessageId: m.clientMessageId,
  };
}

/**
 * The first step of storing a push's messages: a plain multi-row INSERT of each 1,000, while
 * the server takes them (insertAllNew). It writes message rows only, so a device's push may
 * run it ahead of its turn (handlers/push-order.ts); upsertMessages does the rest.
 */
export type InsertedFirst = {
  /** The rows, by statement. */
  readonly rows: readonly (readonly StoredMessage[])[];
  /** Each statement's result, in order, up to the first one refused (null: a key was stored already). */
  readonly results: readonly (ResultSetHeader | null)[];
};

export async function insertNewMessages(tx: RawTx, list: readonly MessageInput[]): Promise<InsertedFirst> {
  const rows = chunks(list).map(part => part.map(m => storedRowOf(m, chatIdOf(asAccountId(m.accountId), m.chatJid))));
  const results: (ResultSetHeader | null)[] = [];
  for (const r of rows) {
    const res = await insertAllNew(tx, r);
    results.push(res);
    if (!res) break;
  }
  return { rows, results };
}

/** Every statement of the first step stored all its rows: the push has no merge left to do. */
export const allInserted = (first: InsertedFirst): boolean =>
  first.results.length === first.rows.length && first.results.every(r => r !== null);

/**
 * One multi-row upsert per 1,000 messages (message-insert.ts); nothing is read back (events
 * refer to the rows by key and readers fill them in). `first` is what insertNewMessages did
 * already (run here when not given); statements it did not get through are merged here.
 *
 * `created` (keyed by keyOf) are messages whose rows equal their input: those of every
 * statement the server reports as `Duplicates: 0` (each row inserted, none merged with a
 * stored one or with another row of the batch), so live delivery needs only their row
 * ids (see CreatedMessages). Anything else (a message pushed again, a one-row statement,
 * which reports no counts) is read back as stored.
 * `fresh` are the rows really inserted (each key once), for the report counters.
 */
export async function upsertMessages(
  tx: RawTx,
  list: readonly MessageInput[],
  opts: { readonly consecutiveIds: boolean; readonly first?: InsertedFirst },
): Promise<{ touched: TouchedMessage[]; created: CreatedMessages; fresh: NewMessage[] }> {
  const created: CreatedMessages = { messages: new Map(), rowRanges: [] };
  const fresh: NewMessage[] = [];
  if (list.length === 0) return { touched: [], created, fresh };
  const first = opts.first ?? (await insertNewMessages(tx, list));
  // After the messages: the chats' row locks are then taken by the part of a push that runs in its turn.
  await touchChats(tx, list);
  const touched: TouchedMessage[] = [];
  for (const [i, stored] of first.rows.entries()) {
    // The stored rows themselves (a row is a TouchedMessage): no second object per message.
    for (const r of stored) touched.push(r);
    // Statements after a refused one were not tried yet: they go in as plain INSERTs too.
    let res = i < first.results.length ? first.results[i]! : await insertAllNew(tx, stored);
    let inserted = res !== null;
    // Inserted whole: every row is new and no key repeats (the unique key would have refused it).
    if (res) for (const r of stored) fresh.push(newMessageOf(r));
    else {
      // Some were stored before (a batch pushed again) or the batch repeats a key: merge.
      const known = await storedKeys(tx, stored);
      const upsert = messageUpsert(stored);
      [res] = await tx.query<ResultSetHeader>(upsert.sql, [upsert.values]);
      fresh.push(...newRows(stored, known));
      inserted = /\bDuplicates:\s*0\b/.test(res.info);
    }
    const firstId = res.insertId;
    if (inserted && !opts.consecutiveIds) created.rowRanges.push({ first: firstId, last: firstId + stored.length - 1 });
    stored.forEach((row, j) => {
      const key = keyOf(row.accountId, row.providerMessageId);
      // A key merged here may have been inserted by an earlier statement of this batch.
      if (inserted) created.messages.set(key, { row, rowId: opts.consecutiveIds ? firstId + j : null });
      else created.messages.delete(key);
    });
  }
  return { touched, created, fresh };
}

/**
 * Live traffic is new messages: a plain multi-row INSERT stores them without first looking
 * their keys up (the look-up cost as much as the insert). If any key is stored already, the
 * server refuses the whole statement (ER_DUP_ENTRY rolls back only the statement, the
 * transaction goes on) and null sends the caller to the merge.
 */
async function insertAllNew(tx: RawTx, rows: readonly StoredMessage[]): Promise<ResultSetHeader | null> {
  const insert = messageInsert(rows);
  try {
    const [res] = await tx.query<ResultSetHeader>(insert.sql, [insert.values]);
    return res;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return null;
    throw err;
  }
}

/** The keys among these rows already stored: a message pushed again is not counted again in the reports. */
async function storedKeys(tx: RawTx, rows: readonly StoredMessage[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (const [accountId, list] of byAccount(rows)) {
    const [found] = await tx.query<RowDataPacket[]>(
      'select provider_message_id from messages where account_id = ? and provider_message_id in (?)',
      [accountId, list.map(r => r.providerMessageId)],
    );
    for (const r of found) out.add(keyOf(accountId, String(r['provider_message_id'])));
  }
  return out;
}

/** The rows the upsert really inserted: not stored before, and each key once (a batch may repeat one). */
function newRows(rows: readonly StoredMessage[], known: Set<string>): NewMessage[] {
  const seen = new Set(known);
  const out: NewMessage[] = [];
  for (const r of rows) {
    const key = keyOf(r.accountId, r.providerMessageId);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(newMessageOf(r));
  }
  return out;
}

const newMessageOf = (r: StoredMessage): NewMessage => ({
  accountId: r.accountId,
  fromMe: r.fromMe,
  at: r.timestamp,
  clientMessageId: r.clientMessageId,
});

export type Key = { accountId: string; providerMessageId: string };

export function byAccount<T extends Key>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const k of list) out.set(k.accountId, [...(out.get(k.accountId) ?? []), k]);
  return out;
}
