/** The unified inbox and per-chat state: keyset pages, read marks, unread counts, watermarks. */
import type { AccountId, Chat, ChatId, ChatStatus, MemberId } from '../../../common/domain';
import type { SqlDb } from '../connection';
import { inTransaction } from '../connection';
import type { ChatRow } from '../rows';
import { CHAT_COLUMNS, chatOf } from '../rows';

export type InboxFilter = {
  readonly accountIds?: readonly string[];
  readonly statuses?: readonly ChatStatus[];
  /** A member id; null means "unassigned"; undefined means anyone. */
  readonly assigneeId?: string | null;
  readonly unreadOnly?: boolean;
  readonly tag?: string;
  /** Archived chats live in their own list, as in WhatsApp. */
  readonly archived?: boolean;
};

export type InboxPageRequest = InboxFilter & { readonly cursor?: string | null; readonly limit?: number };
export type Page<T> = { readonly items: T[]; readonly nextCursor: string | null };

/** Pinned first, then by last activity; the id breaks ties so the order is total and pages never overlap. */
type InboxKey = { pinned: number; sortTs: number; id: string };

const encodeInboxCursor = (k: InboxKey): string => `${k.pinned}:${k.sortTs}:${k.id}`;

function decodeInboxCursor(cursor: string): InboxKey | null {
  const m = /^([01]):(\d+):(.+)$/s.exec(cursor);
  return m && m[1] && m[2] && m[3] ? { pinned: Number(m[1]), sortTs: Number(m[2]), id: m[3] } : null;
}

/** The SQL and parameters of one inbox page (exported so tests can check its query plan). */
export function inboxQuery(req: InboxPageRequest): {
  sql: string;
  params: Record<string, string | number>;
  limit: number;
} {
  const limit = Math.min(Math.max(req.limit ?? 50, 1), 500);
  const where = ['c.archived = @archived'];
  const params: Record<string, string | number> = { archived: req.archived ? 1 : 0, limit: limit + 1 };
  const key = req.cursor ? decodeInboxCursor(req.cursor) : null;
  if (key) {
    where.push('(c.pinned, c.sort_ts, c.id) < (@kPinned, @kTs, @kId)');
    Object.assign(params, { kPinned: key.pinned, kTs: key.sortTs, kId: key.id });
  }
  // Unary + keeps the planner on the inbox index (walking it in order and stopping at the
  // page size) instead of the account index, which would need a sort of every match.
  if (req.accountIds) {
    where.push('+c.account_id IN (SELECT value FROM json_each(@accounts))');
    params.accounts = JSON.stringify(req.accountIds);
  }
  if (req.statuses) {
    where.push('+c.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(req.statuses);
  }
  if (req.assigneeId === null) where.push('c.assignee_id IS NULL');
  else if (req.assigneeId !== undefined) {
    where.push('c.assignee_id = @assignee');
    params.assignee = req.assigneeId;
  }
  if (req.unreadOnly) where.push('c.unread_count > 0');
  if (req.tag !== undefined) {
    where.push('EXISTS (SELECT 1 FROM json_each(c.tags) t WHERE t.value = @tag)');
    params.tag = req.tag;
  }
  const sql = `SELECT ${CHAT_COLUMNS}, c.pinned FROM chats c INDEXED BY chats_inbox
    WHERE ${where.join(' AND ')}
    ORDER BY c.archived DESC, c.pinned DESC, c.sort_ts DESC, c.id DESC LIMIT @limit`;
  return { sql, params, limit };
}

export function inboxPage(db: SqlDb, req: InboxPageRequest): Page<Chat> {
  const { sql: sqlText, params, limit } = inboxQuery(req);
  const rows = db.prepare(sqlText).all(params) as ChatRow[];
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  const last = page[page.length - 1];
  return {
    items: page.map(chatOf),
    nextCursor: more && last ? encodeInboxCursor({ pinned: last.pinned, sortTs: last.sort_ts, id: last.id }) : null,
  };
}

export function getChats(db: SqlDb, ids: readonly ChatId[]): Chat[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${CHAT_COLUMNS} FROM json_each(?) j JOIN chats c ON c.id = j.value`)
    .all(JSON.stringify(ids)) as ChatRow[];
  return rows.map(chatOf);
}

export function getChat(db: SqlDb, id: ChatId): Chat | null {
  const row = db.prepare(`SELECT ${CHAT_COLUMNS} FROM chats c WHERE c.id = ?`).get(id) as ChatRow | undefined;
  return row ? chatOf(row) : null;
}

/** Clears the unread count; messages up to the last one stored count as seen. */
export function markChatRead(db: SqlDb, id: ChatId): Chat | null {
  db.prepare(
    `UPDATE chats SET unread_count = 0, read_at = max(read_at, coalesce(last_message_at, 0)) WHERE id = ?`,
  ).run(id);
  return getChat(db, id);
}

/**
 * The team read the chat up to `readAt` on another device (chat:read): what came after it
 * stays unread here. Only moves forward, so an older fact changes nothing.
 */
export function markChatReadUpTo(db: SqlDb, id: ChatId, readAt: number): void {
  db.prepare(
    `UPDATE chats SET read_at = @readAt, unread_count = (
       SELECT count(*) FROM messages m WHERE m.chat_id = chats.id AND m.from_me = 0
         AND m.type NOT IN ('system', 'reaction') AND m.ts > @readAt)
     WHERE id = @id AND read_at < @readAt`,
  ).run({ id, readAt });
}

export type AccountUnread = {
  readonly accountId: AccountId;
  readonly unreadChats: number;
  readonly unreadMessages: number;
};

const UNREAD_OF_ACCOUNT = `FROM chats c WHERE c.account_id = a.id AND c.unread_count > 0 AND c.archived = 0`;
export const UNREAD_COUNTS_SQL = `SELECT a.id AS accountId, (SELECT count(*) ${UNREAD_OF_ACCOUNT}) AS unreadChats,
  (SELECT coalesce(sum(c.unread_count), 0) ${UNREAD_OF_ACCOUNT}) AS unreadMessages
  FROM accounts a ORDER BY a.id`;

/**
 * Per account: chats with unread messages and their total, archived chats excluded (as
 * WhatsApp's badge). One range of the partial index chats_unread per number: a join would
 * walk every chat once per number.
 */
export function unreadCounts(db: SqlDb): AccountUnread[] {
  const rows = db.prepare(UNREAD_COUNTS_SQL).all() as {
    accountId: string;
    unreadChats: number;
    unreadMessages: number;
  }[];
  return rows.map(r => ({ ...r, accountId: r.accountId as AccountId }));
}

/** jid → time of the newest stored message, so a provider can catch up from there after downtime. */
export function chatWatermarks(db: SqlDb, accountId: AccountId): Map<string, number> {
  // A lid chat folded into its phone chat answers to both ids: WhatsApp Web may still list it by its lid.
  const rows = db
    .prepare(
      `SELECT jid, last_message_at FROM chats WHERE account_id = @a AND last_message_at IS NOT NULL
       UNION ALL
       SELECT l.lid, c.last_message_at FROM lid_map l JOIN chats c ON c.account_id = l.account_id AND c.jid = l.jid
       WHERE l.account_id = @a AND c.last_message_at IS NOT NULL`,
    )
    .all({ a: accountId }) as { jid: string; last_message_at: number }[];
  return new Map(rows.map(r => [r.jid, r.last_message_at]));
}

/**
 * The phone jid one of our numbers learned a lid stands for, or null. WhatsApp's lid is the
 * person's, not the viewer's: a pair number A learned is true for number B too.
 */
export function phoneOfLid(db: SqlDb, lid: string): string | null {
  const jid = db.prepare('SELECT jid FROM lid_map WHERE lid = ? ORDER BY learned_at DESC LIMIT 1').pluck().get(lid);
  return typeof jid === 'string' ? jid : null;
}

export type ChatLocalState = {
  readonly pinned?: boolean | undefined;
  readonly archived?: boolean | undefined;
  readonly muted?: boolean | undefined;
  /** true: "Mark as unread" (at least one unread, as WhatsApp shows it); false: read now. */
  readonly unread?: boolean | undefined;
};

/** A flag for SQLite: null leaves the column as it is (coalesce). */
const flag = (v: boolean | undefined): number | null => (v === undefined ? null : v ? 1 : 0);

export function setChatLocalState(db: SqlDb, id: ChatId, s: ChatLocalState): Chat | null {
  return inTransaction(db, () => {
    db.prepare(
      'UPDATE chats SET pinned = coalesce(?, pinned), archived = coalesce(?, archived), muted = coalesce(?, muted) WHERE id = ?',
    ).run(flag(s.pinned), flag(s.archived), flag(s.muted), id);
    if (s.unread === true) db.prepare('UPDATE chats SET unread_count = max(unread_count, 1) WHERE id = ?').run(id);
    if (s.unread === false) markChatRead(db, id);
    return getChat(db, id);
  });
}

/** Records that the person behind the chat is (no longer) blocked on WhatsApp. */
export function setChatBlocked(db: SqlDb, id: ChatId, blocked: boolean): Chat | null {
  db.prepare('UPDATE chats SET blocked = ? WHERE id = ?').run(blocked ? 1 : 0, id);
  return getChat(db, id);
}

export type ChatWorkspaceState = {
  readonly status: ChatStatus;
  readonly assigneeId: MemberId | null;
  /** When the first reply is due; absent or null: nothing due (an older server sends none). */
  readonly slaDueAt?: number | null;
  readonly tags: readonly string[];
  readonly version: number;
  /** The team's pin and archive; absent (an older server): this device's stay. */
  readonly pinned?: boolean | undefined;
  readonly archived?: boolean | undefined;
};

/**
 * Applies the workspace's view of a chat (status, assignee, tags, pin, archive). Only a
 * newer version wins, so replayed or out-of-order sync events cannot roll a chat back.
 */
export function applyChatWorkspace(db: SqlDb, id: ChatId, s: ChatWorkspaceState): boolean {
  return inTransaction(db, () => {
    const r = db
      .prepare(
        `UPDATE chats SET status = ?, assignee_id = ?, tags = ?, version = ?, sla_due_at = ?,
           pinned = coalesce(?, pinned), archived = coalesce(?, archived)
         WHERE id = ? AND version < ?`,
      )
      .run(
        s.status,
        s.assigneeId,
        JSON.stringify(s.tags),
        s.version,
        s.slaDueAt ?? null,
        flag(s.pinned),
        flag(s.archived),
        id,
        s.version,
      );
    return r.changes > 0;
  });
}
