/**
 * Internal notes written on this device and not yet confirmed by the workspace server.
 * A note is queued before it is sent, so one written offline (or whose answer was lost)
 * survives a restart and goes out on reconnect; the row leaves once the server's copy is
 * stored in `notes`.
 */
import type { ChatId } from '../../../common/domain';
import type { StoreDb } from '../db';

export type NoteQueueState = 'queued' | 'sending' | 'failed';

export type QueuedNote = {
  readonly clientNoteId: string;
  readonly chatId: ChatId;
  readonly body: string;
  readonly state: NoteQueueState;
  readonly attempts: number;
  readonly lastError: string | null;
  /** When the first attempt left this device; null while it never did. */
  readonly firstSentAt: number | null;
  readonly createdAt: number;
};

type Row = {
  client_note_id: string;
  chat_id: string;
  body: string;
  state: string;
  attempts: number;
  last_error: string | null;
  first_sent_at: number | null;
  created_at: number;
};

const COLUMNS = 'client_note_id, chat_id, body, state, attempts, last_error, first_sent_at, created_at';

const queuedOf = (r: Row): QueuedNote => ({
  clientNoteId: r.client_note_id,
  chatId: r.chat_id as ChatId,
  body: r.body,
  state: r.state === 'sending' || r.state === 'failed' ? r.state : 'queued',
  attempts: r.attempts,
  lastError: r.last_error,
  firstSentAt: r.first_sent_at,
  createdAt: r.created_at,
});

/** Remembers a note until the server has it; the same client id twice is one note. */
export function enqueueNote(
  db: StoreDb,
  note: { clientNoteId: string; chatId: ChatId; body: string },
  now = Date.now(),
): QueuedNote {
  db.prepare(
    `INSERT INTO note_queue (client_note_id, chat_id, body, state, created_at) VALUES (?, ?, ?, 'queued', ?)
     ON CONFLICT (client_note_id) DO NOTHING`,
  ).run(note.clientNoteId, note.chatId, note.body, now);
  const stored = getQueuedNote(db, note.clientNoteId);
  if (!stored) throw new Error('queued note vanished');
  return stored;
}

export function getQueuedNote(db: StoreDb, clientNoteId: string): QueuedNote | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM note_queue WHERE client_note_id = ?`).get(clientNoteId) as
    Row | undefined;
  return row ? queuedOf(row) : null;
}

/** Queued notes oldest first: of one chat, or all of them. */
export function listQueuedNotes(db: StoreDb, chatId?: ChatId): QueuedNote[] {
  const rows = (
    chatId === undefined
      ? db.prepare(`SELECT ${COLUMNS} FROM note_queue ORDER BY created_at, rowid`).all()
      : db.prepare(`SELECT ${COLUMNS} FROM note_queue WHERE chat_id = ? ORDER BY created_at, rowid`).all(chatId)
  ) as Row[];
  return rows.map(queuedOf);
}

/** The oldest note still to send (failed ones wait for the user). */
export function nextQueuedNote(db: StoreDb): QueuedNote | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM note_queue WHERE state <> 'failed' ORDER BY created_at, rowid LIMIT 1`)
    .get() as Row | undefined;
  return row ? queuedOf(row) : null;
}

/** An attempt is leaving: from now on its outcome is unknown until answered. */
export function markNoteSending(db: StoreDb, clientNoteId: string, now = Date.now()): void {
  db.prepare(
    `UPDATE note_queue SET state = 'sending', attempts = attempts + 1, first_sent_at = coalesce(first_sent_at, ?)
     WHERE client_note_id = ?`,
  ).run(now, clientNoteId);
}

/** Certainly not stored by the server (it was never reached): back in line. */
export function markNoteQueued(db: StoreDb, clientNoteId: string, error: string | null): void {
  db.prepare(`UPDATE note_queue SET state = 'queued', last_error = ? WHERE client_note_id = ?`).run(
    error,
    clientNoteId,
  );
}

/** Refused for good (the chat is gone, no permission): kept so the user sees what was not saved. */
export function markNoteFailed(db: StoreDb, clientNoteId: string, error: string): void {
  db.prepare(`UPDATE note_queue SET state = 'failed', last_error = ? WHERE client_note_id = ?`).run(
    error,
    clientNoteId,
  );
}

export function removeQueuedNote(db: StoreDb, clientNoteId: string): QueuedNote | null {
  const row = getQueuedNote(db, clientNoteId);
  if (row) db.prepare('DELETE FROM note_queue WHERE client_note_id = ?').run(clientNoteId);
  return row;
}

export function clearNoteQueue(db: StoreDb): void {
  db.prepare('DELETE FROM note_queue').run();
}

export function countQueuedNotes(db: StoreDb): number {
  return db.prepare(`SELECT count(*) FROM note_queue WHERE state <> 'failed'`).pluck().get() as number;
}
