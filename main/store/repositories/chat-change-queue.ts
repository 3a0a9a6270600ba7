/**
 * Status and tag changes made on this device that the workspace server has not accepted
 * yet (made offline, or the server was unreachable). One row per (chat, field): a newer
 * change of the same field replaces the wanted value but keeps the version the agent first
 * saw, so the server still judges it against what was on screen when the change began.
 * The wanted value is shown on the local chat at once; the row leaves once the server
 * accepts it, or becomes a 'conflict' (with the server's value) for the agent to decide.
 * Pin and archive (the team's flags) ride the same queue but are not versioned on the
 * server: the last change wins, so they never become a conflict.
 */
import type { ChatId, ChatStatus } from '../../../common/domain';
import type { StoreDb } from '../db';

export type ChatChangeField = 'status' | 'tags' | 'pinned' | 'archived';
export type ChatChangeState = 'queued' | 'sending' | 'conflict';
export type ChatChangeValue = ChatStatus | readonly string[] | boolean;

const FIELDS: readonly ChatChangeField[] = ['status', 'tags', 'pinned', 'archived'];
const isFlagField = (f: ChatChangeField): f is 'pinned' | 'archived' => f === 'pinned' || f === 'archived';

export type QueuedChatChange = {
  readonly chatId: ChatId;
  readonly field: ChatChangeField;
  /** The value the agent wants: a status, or the full list of tags. */
  readonly value: ChatChangeValue;
  /** The chat version the agent saw when making the change. */
  readonly baseVersion: number;
  readonly state: ChatChangeState;
  /** On conflict: what the server holds now, at which version, and who holds the chat. */
  readonly serverValue: ChatChangeValue | null;
  readonly serverVersion: number | null;
  readonly serverBy: string | null;
  readonly createdAt: number;
};

type Row = {
  chat_id: string;
  field: string;
  value: string;
  base_version: number;
  state: string;
  server_value: string | null;
  server_version: number | null;
  server_by: string | null;
  created_at: number;
};

const COLUMNS = 'chat_id, field, value, base_version, state, server_value, server_version, server_by, created_at';

/** Stored JSON is ours, but a damaged row must not end the process: it reads as nothing. */
function valueOf(field: ChatChangeField, json: string | null): ChatChangeValue | null {
  if (json === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (field === 'status') return v === 'open' || v === 'pending' || v === 'resolved' ? v : null;
  if (isFlagField(field)) return typeof v === 'boolean' ? v : null;
  return Array.isArray(v) && v.every(t => typeof t === 'string') ? (v as string[]) : null;
}

function changeOf(r: Row): QueuedChatChange | null {
  const field = FIELDS.find(f => f === r.field);
  if (!field) return null;
  const value = valueOf(field, r.value);
  if (value === null) return null;
  return {
    chatId: r.chat_id as ChatId,
    field,
    value,
    baseVersion: r.base_version,
    state: r.state === 'sending' || r.state === 'conflict' ? r.state : 'queued',
    serverValue: valueOf(field, r.server_value),
    serverVersion: r.server_version,
    serverBy: r.server_by,
    createdAt: r.created_at,
  };
}

const rowsOf = (rows: Row[]): QueuedChatChange[] => rows.map(changeOf).filter((c): c is QueuedChatChange => c !== null);

/**
 * Queues a change (replacing an earlier unsent one of the same field). The base version of
 * an existing row is kept: the agent's first view is what a meanwhile change is judged by.
 */
export function enqueueChatChange(
  db: StoreDb,
  c: { chatId: ChatId; field: ChatChangeField; value: ChatChangeValue; baseVersion: number },
  now = Date.now(),
): QueuedChatChange {
  db.prepare(
    `INSERT INTO chat_change_queue (chat_id, field, value, base_version, state, created_at)
     VALUES (?, ?, ?, ?, 'queued', ?)
     ON CONFLICT (chat_id, field) DO UPDATE SET value = excluded.value, state = 'queued',
       server_value = NULL, server_version = NULL, server_by = NULL`,
  ).run(c.chatId, c.field, JSON.stringify(c.value), c.baseVersion, now);
  const stored = getChatChange(db, c.chatId, c.field);
  if (!stored) throw new Error('queued chat change vanished');
  return stored;
}

export function getChatChange(db: StoreDb, chatId: ChatId, field: ChatChangeField): QueuedChatChange | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM chat_change_queue WHERE chat_id = ? AND field = ?`)
    .get(chatId, field) as Row | undefined;
  return row ? changeOf(row) : null;
}

/** Changes of one chat, or of every chat, oldest first. */
export function listChatChanges(db: StoreDb, chatId?: ChatId): QueuedChatChange[] {
  const rows = (
    chatId === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM chat_change_queue ORDER BY created_at, rowid`).all()
      : db.prepare(`SELECT ${COLUMNS} FROM chat_change_queue WHERE chat_id = ? ORDER BY created_at, rowid`).all(chatId)
  ) as Row[];
  return rowsOf(rows);
}

/** The oldest change still to send; conflicts wait for the agent. */
export function nextChatChange(db: StoreDb): QueuedChatChange | null {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM chat_change_queue WHERE state <> 'conflict' ORDER BY created_at, rowid`)
    .all() as Row[];
  return rowsOf(rows)[0] ?? null;
}

export function markChatChangeSending(db: StoreDb, chatId: ChatId, field: ChatChangeField): void {
  db.prepare(`UPDATE chat_change_queue SET state = 'sending' WHERE chat_id = ? AND field = ?`).run(chatId, field);
}

export function markChatChangeQueued(db: StoreDb, chatId: ChatId, field: ChatChangeField): void {
  db.prepare(`UPDATE chat_change_queue SET state = 'queued' WHERE chat_id = ? AND field = ?`).run(chatId, field);
}

/** Someone else changed the chat meanwhile: keep both sides for the agent to choose. */
export function markChatChangeConflict(
  db: StoreDb,
  chatId: ChatId,
  field: ChatChangeField,
  server: { value: ChatChangeValue; version: number; by: string | null },
): void {
  db.prepare(
    `UPDATE chat_change_queue SET state = 'conflict', server_value = ?, server_version = ?, server_by = ?
     WHERE chat_id = ? AND field = ?`,
  ).run(JSON.stringify(server.value), server.version, server.by, chatId, field);
}

/** "Apply mine": send again, judged against the version the agent has now seen. */
export function requeueChatChange(db: StoreDb, chatId: ChatId, field: ChatChangeField, baseVersion: number): boolean {
  const r = db
    .prepare(
      `UPDATE chat_change_queue SET state = 'queued', base_version = ?, server_value = NULL,
         server_version = NULL, server_by = NULL
       WHERE chat_id = ? AND field = ? AND state = 'conflict'`,
    )
    .run(baseVersion, chatId, field);
  return r.changes > 0;
}

export function removeChatChange(db: StoreDb, chatId: ChatId, field: ChatChangeField): boolean {
  return db.prepare('DELETE FROM chat_change_queue WHERE chat_id = ? AND field = ?').run(chatId, field).changes > 0;
}

export function countChatChanges(db: StoreDb): number {
  return db.prepare(`SELECT count(*) FROM chat_change_queue WHERE state <> 'conflict'`).pluck().get() as number;
}

/**
 * Shows a queued value on the local chat without touching its version, so the server's
 * next view of the chat (a newer version) still replaces it.
 */
export function showChatChange(db: StoreDb, chatId: ChatId, field: ChatChangeField, value: ChatChangeValue): void {
  if (field === 'status') db.prepare('UPDATE chats SET status = ? WHERE id = ?').run(value, chatId);
  else if (field === 'pinned') db.prepare('UPDATE chats SET pinned = ? WHERE id = ?').run(value ? 1 : 0, chatId);
  else if (field === 'archived') db.prepare('UPDATE chats SET archived = ? WHERE id = ?').run(value ? 1 : 0, chatId);
  else db.prepare('UPDATE chats SET tags = ? WHERE id = ?').run(JSON.stringify(value), chatId);
}

/** A sign-out (or a switch of workspace) drops what was meant for the old one. */
export function clearChatChanges(db: StoreDb): void {
  db.prepare('DELETE FROM chat_change_queue').run();
}
