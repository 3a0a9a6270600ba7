/** A conversation's messages, paged by keyset on the time-ordered rowid (`seq`). */
import type { ChatId, Message, MessageId } from '../../../common/domain';
import type { SqlDb } from '../connection';
import type { MessageRow, ReactionRow } from '../rows';
import { MESSAGE_COLUMNS, messageRowOfValues, REACTIONS_OF_KEYS_SQL, withReactions } from '../rows';

export type ChatPageRequest = {
  readonly chatId: ChatId;
  readonly limit?: number;
  /** Older than this cursor (scrolling up). */
  readonly before?: string | null;
  /** Newer than this cursor (scrolling down after a jump). */
  readonly after?: string | null;
  /** Jump to a message: a page with it in the middle. */
  readonly aroundMessageId?: MessageId | null;
};

export type ChatPage = {
  /** Oldest first, ready to render top to bottom. */
  readonly messages: Message[];
  /** Pass as `before` for older messages; null at the start of the chat. */
  readonly olderCursor: string | null;
  /** Pass as `after` for newer messages; null when the page reaches the newest message. */
  readonly newerCursor: string | null;
};

const OLDER_SQL = `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.chat_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?`;
const NEWER_SQL = `SELECT ${MESSAGE_COLUMNS} FROM messages m WHERE m.chat_id = ? AND m.seq > ? ORDER BY m.seq ASC LIMIT ?`;

const loadReactions = (db: SqlDb) => (keys: string) => db.prepare(REACTIONS_OF_KEYS_SQL).all(keys) as ReactionRow[];

function parseCursor(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined || !/^\d{1,16}$/.test(cursor)) return null;
  return Number(cursor);
}

function older(db: SqlDb, chatId: ChatId, beforeSeq: number, limit: number): { rows: MessageRow[]; more: boolean } {
  const rows = db.prepare(OLDER_SQL).all(chatId, beforeSeq, limit + 1) as MessageRow[];
  const more = rows.length > limit;
  return { rows: (more ? rows.slice(0, limit) : rows).reverse(), more };
}

function newer(db: SqlDb, chatId: ChatId, afterSeq: number, limit: number): { rows: MessageRow[]; more: boolean } {
  const rows = db.prepare(NEWER_SQL).all(chatId, afterSeq, limit + 1) as MessageRow[];
  const more = rows.length > limit;
  return { rows: more ? rows.slice(0, limit) : rows, more };
}

export function chatPage(db: SqlDb, req: ChatPageRequest): ChatPage {
  const limit = Math.min(Math.max(req.limit ?? 50, 1), 500);
  let rows: MessageRow[];
  let hasOlder: boolean;
  let hasNewer: boolean;
  const after = parseCursor(req.after);
  const aroundSeq = req.aroundMessageId ? seqOfMessage(db, req.chatId, req.aroundMessageId) : null;
  if (aroundSeq !== null) {
    const up = older(db, req.chatId, aroundSeq + 1, Math.ceil(limit / 2));
    const down = newer(db, req.chatId, aroundSeq, Math.floor(limit / 2));
    rows = [...up.rows, ...down.rows];
    hasOlder = up.more;
    hasNewer = down.more;
  } else if (after !== null) {
    const down = newer(db, req.chatId, after, limit);
    rows = down.rows;
    hasOlder = true;
    hasNewer = down.more;
  } else {
    const up = older(db, req.chatId, parseCursor(req.before) ?? Number.MAX_SAFE_INTEGER, limit);
    rows = up.rows;
    hasOlder = up.more;
    hasNewer = req.before !== undefined && req.before !== null;
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    messages: withReactions(rows, loadReactions(db)),
    olderCursor: hasOlder && first ? String(first.seq) : null,
    newerCursor: hasNewer && last ? String(last.seq) : null,
  };
}

/** MessageId is `${accountId}:${providerMessageId}`; the chat tells us where the account part ends. */
function seqOfMessage(db: SqlDb, chatId: ChatId, messageId: MessageId): number | null {
  const accountId = db.prepare('SELECT account_id FROM chats WHERE id = ?').pluck().get(chatId);
  if (typeof accountId !== 'string' || !messageId.startsWith(`${accountId}:`)) return null;
  const seq = db
    .prepare('SELECT seq FROM messages WHERE account_id = ? AND provider_message_id = ? AND chat_id = ?')
    .pluck()
    .get(accountId, messageId.slice(accountId.length + 1), chatId);
  return typeof seq === 'number' ? seq : null;
}

/** Splits MessageIds into [accountId, providerMessageId] using the known account ids (which may contain ':'). */
export function splitMessageIds(db: SqlDb, ids: readonly MessageId[]): [string, string][] {
  const accountIds = (db.prepare('SELECT id FROM accounts').pluck().all() as string[]).sort(
    (a, b) => b.length - a.length,
  );
  const pairs: [string, string][] = [];
  for (const id of ids) {
    const accountId = accountIds.find(a => id.startsWith(`${a}:`));
    if (accountId !== undefined) pairs.push([accountId, id.slice(accountId.length + 1)]);
  }
  return pairs;
}

/** Messages by id (for events after an ingest), with their reactions, oldest first. Unknown ids are skipped. */
export function getMessages(db: SqlDb, ids: readonly MessageId[]): Message[] {
  return withReactions(messageRowsOf(db, ids), loadReactions(db));
}

/** The rows of getMessages, without their reactions: oldest first, unknown ids skipped. */
export function messageRowsOf(db: SqlDb, ids: readonly MessageId[]): MessageRow[] {
  if (ids.length === 0) return [];
  // Raw values and one literal per row: the read-back after every ingest batch (rows.ts).
  const values = db
    .prepare(
      `SELECT ${MESSAGE_COLUMNS} FROM json_each(?) j
       JOIN messages m ON m.account_id = j.value ->> 0 AND m.provider_message_id = j.value ->> 1
       ORDER BY m.seq`,
    )
    .raw(true)
    .all(JSON.stringify(splitMessageIds(db, ids))) as unknown[][];
  return values.map(messageRowOfValues);
}

/** Attaches their reactions to message rows (one query), in the rows' order. */
export function withStoredReactions(db: SqlDb, rows: readonly MessageRow[]): Message[] {
  return withReactions(rows, loadReactions(db));
}

/** The chat's oldest stored message (reactions aside): where older history from the phone starts. */
export function oldestMessage(db: SqlDb, chatId: ChatId): { readonly seq: number; readonly timestamp: number } | null {
  const row = db
    .prepare("SELECT seq, ts FROM messages WHERE chat_id = ? AND type <> 'reaction' ORDER BY seq ASC LIMIT 1")
    .get(chatId) as { seq: number; ts: number } | undefined;
  return row ? { seq: row.seq, timestamp: row.ts } : null;
}
