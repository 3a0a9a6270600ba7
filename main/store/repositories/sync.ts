/** The workspace sync's local state: the push queue, and removals the server asks for. */
import type { ChatId, ClientMessageId, Message, Note } from '../../../common/domain';
import type { MessageRow } from '../rows';
import { MESSAGE_COLUMNS, messageOf } from '../rows';
import type { IngestBatchInput } from '../../../common/ingest';
import { ingestBatchSchema } from '../../../common/ingest';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';

export type QueuedPush = { readonly ids: number[]; readonly batch: IngestBatchInput; readonly items: number };

const itemsOf = (b: IngestBatchInput): number =>
  (b.contacts?.length ?? 0) +
  (b.chats?.length ?? 0) +
  (b.messages?.length ?? 0) +
  (b.acks?.length ?? 0) +
  (b.revokes?.length ?? 0) +
  (b.edits?.length ?? 0) +
  (b.reactions?.length ?? 0) +
  (b.votes?.length ?? 0);

/** Remembers a hosted account's batch until the server has it. */
export function enqueuePush(db: StoreDb, batch: IngestBatchInput, now = Date.now()): void {
  const items = itemsOf(batch);
  if (items === 0) return;
  db.prepare('INSERT INTO push_queue (batch, items, created_at) VALUES (?, ?, ?)').run(
    JSON.stringify(batch),
    items,
    now,
  );
}

/**
 * The oldest queued batches (after row `afterId`: those already in flight) merged into one
 * push of at most `maxItems` items (one batch always goes, even if larger, so nothing can
 * block the queue). Rows that no longer parse (written by an older version) are dropped
 * rather than retried forever.
 */
export function peekPush(db: StoreDb, maxItems: number, afterId = 0): QueuedPush | null {
  const rows = db
    .prepare('SELECT id, batch, items FROM push_queue WHERE id > ? ORDER BY id LIMIT 200')
    .all(afterId) as {
    id: number;
    batch: string;
    items: number;
  }[];
  const merged: Required<IngestBatchInput> = {
    contacts: [],
    chats: [],
    messages: [],
    acks: [],
    revokes: [],
    edits: [],
    reactions: [],
    votes: [],
  };
  const ids: number[] = [];
  let items = 0;
  for (const row of rows) {
    if (ids.length > 0 && items + row.items > maxItems) break;
    let parsed;
    try {
      parsed = ingestBatchSchema.safeParse(JSON.parse(row.batch));
    } catch {
      parsed = null;
    }
    ids.push(row.id);
    if (!parsed?.success) continue;
    for (const key of Object.keys(merged) as (keyof typeof merged)[]) {
      (merged[key] as unknown[]).push(...(parsed.data[key] ?? []));
    }
    items += row.items;
  }
  return ids.length === 0 ? null : { ids, batch: merged, items };
}

export function removePush(db: StoreDb, ids: readonly number[]): void {
  if (ids.length === 0) return;
  db.prepare('DELETE FROM push_queue WHERE id IN (SELECT value FROM json_each(?))').run(JSON.stringify(ids));
}

export function countPush(db: StoreDb): number {
  return db.prepare('SELECT count(*) FROM push_queue').pluck().get() as number;
}

export function clearPush(db: StoreDb): void {
  db.prepare('DELETE FROM push_queue').run();
}

/** Removes a chat and everything in it (messages, notes, insights cascade). */
export function deleteChat(db: StoreDb, chatId: ChatId): boolean {
  return db.prepare('DELETE FROM chats WHERE id = ?').run(chatId).changes > 0;
}

/** Removes accounts (and, by cascade, their chats) that this desktop does not host. */
export function deleteAccountsExcept(db: StoreDb, keepIds: readonly string[]): number {
  return inTransaction(
    db,
    () =>
      db.prepare('DELETE FROM accounts WHERE id NOT IN (SELECT value FROM json_each(?))').run(JSON.stringify(keepIds))
        .changes,
  );
}

/** Messages composed on this device, by their client ids (after a relayed send settles). */
export function getMessagesByClientIds(db: StoreDb, ids: readonly ClientMessageId[]): Message[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM json_each(?) j JOIN messages m ON m.client_message_id = j.value ORDER BY m.seq`,
    )
    .all(JSON.stringify(ids)) as MessageRow[];
  return rows.map(r => messageOf(r));
}

export function getNote(db: StoreDb, id: string): Note | null {
  const r = db
    .prepare(
      'SELECT id, chat_id, author_id, author_name, body, created_at, kind, draft, summary FROM notes WHERE id = ?',
    )
    .get(id) as
    | {
        id: string;
        chat_id: string;
        author_id: string | null;
        author_name: string;
        body: string;
        created_at: number;
        kind: string;
        draft: string | null;
        summary: string | null;
      }
    | undefined;
  return r
    ? {
        id: r.id,
        chatId: r.chat_id as ChatId,
        authorId: r.author_id as Note['authorId'],
        authorName: r.author_name,
        body: r.body,
        createdAt: r.created_at,
        kind: r.kind === 'handover' ? 'handover' : 'note',
        draft: r.draft,
        summary: r.summary,
      }
    : null;
}
