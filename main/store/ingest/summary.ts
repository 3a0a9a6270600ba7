/** Chat summaries (last message, unread count, activity time), refreshed once per touched chat per batch. */
import type { ChatId, MessageType } from '../../../common/domain';
import type { PreviewParts } from '../../../common/preview';
import { previewParts } from '../../../common/preview';
import type { StoreDb } from '../db';
import type { ChatRow } from '../rows';
import { CHAT_COLUMNS } from '../rows';
import type { ChatTouch } from './context';

type LastRow = {
  seq: number;
  ts: number;
  from_me: number;
  type: string;
  body: string | null;
  caption: string | null;
  revoked: number;
};

// Reactions are shown on their message, not as the chat's last line.
const LAST_MESSAGE_SQL = `SELECT seq, ts, from_me, type, body, caption, revoked FROM messages
  WHERE chat_id = ? AND type <> 'reaction' ORDER BY seq DESC LIMIT 1`;

/**
 * The unread count, only in the statements of chats whose count this batch changes: setting
 * the column at all, even to its own value, rewrites the chat's entry in the partial index
 * `chats_unread` (SQLite updates an index when its columns are SET, whatever the value), and
 * about a third of a live batch's chats only get messages sent from here.
 */
const UNREAD_SET = 'unread_count = CASE WHEN @override IS NOT NULL THEN @override ELSE unread_count + @delta END';
const withUnread = (set: string, unread: boolean) => (unread ? `${set},\n    ${UNREAD_SET}` : set);

const replaceSql = (unread: boolean) =>
  `UPDATE chats SET ${withUnread(
    `last_message_seq = @seq, last_message_preview = @preview, last_message_kind = @kind, last_message_at = @ts,
    last_message_from_me = @fromMe, sort_ts = max(sort_ts, coalesce(@ts, 0))`,
    unread,
  )}
  WHERE id = @chatId`;

// Every right-hand side sees the row as it was, so one comparison decides all five columns.
const newerSql = (unread: boolean) =>
  `UPDATE chats SET ${withUnread(
    `last_message_seq = CASE WHEN @seq > coalesce(last_message_seq, -1) THEN @seq ELSE last_message_seq END,
    last_message_preview = CASE WHEN @seq > coalesce(last_message_seq, -1) THEN @preview ELSE last_message_preview END,
    last_message_kind = CASE WHEN @seq > coalesce(last_message_seq, -1) THEN @kind ELSE last_message_kind END,
    last_message_at = CASE WHEN @seq > coalesce(last_message_seq, -1) THEN @ts ELSE last_message_at END,
    last_message_from_me = CASE WHEN @seq > coalesce(last_message_seq, -1) THEN @fromMe ELSE last_message_from_me END,
    sort_ts = max(sort_ts, @ts)`,
    unread,
  )}
  WHERE id = @chatId`;

const REPLACE_SQL = [replaceSql(false), replaceSql(true)] as const;
const NEWER_SQL = [newerSql(false), newerSql(true)] as const;
const UNREAD_SQL = `UPDATE chats SET ${UNREAD_SET} WHERE id = @chatId`;

const partsOf = (p: PreviewParts | null) => ({ preview: p?.text ?? null, kind: p?.kind ?? null });

/**
 * The chat row as getChats reads it, returned by the summary's UPDATE itself: the facts of an
 * ingest (facts.ts) need every touched chat, and the summary is the batch's last write to it.
 * RETURNING cannot name the table by an alias, hence `chats.` for CHAT_COLUMNS' `c.`.
 */
const RETURNING = ` RETURNING ${CHAT_COLUMNS.replace(/\bc\./g, 'chats.')}`;

/**
 * The returned values as a ChatRow, in CHAT_COLUMNS' order: better-sqlite3's named rows cost
 * about as much as reading the chats again (measured), a literal of a fixed shape far less.
 * Checked against getChats' named rows by tests/unit/store/ingest-facts.test.ts.
 */
function chatRowOfValues(v: readonly unknown[]): ChatRow {
  return {
    id: v[0] as string,
    account_id: v[1] as string,
    jid: v[2] as string,
    is_group: v[3] as number,
    name: v[4] as string,
    last_message_preview: v[5] as string | null,
    last_message_kind: v[6] as string | null,
    last_message_at: v[7] as number | null,
    last_message_from_me: v[8] as number,
    unread_count: v[9] as number,
    pinned: v[10] as number,
    archived: v[11] as number,
    muted: v[12] as number,
    status: v[13] as string,
    assignee_id: v[14] as string | null,
    tags: v[15] as string,
    version: v[16] as number,
    sort_ts: v[17] as number,
    sla_due_at: v[18] as number | null,
    custom_name: v[19] as string | null,
    blocked: v[20] as number,
    last_message_mentions: v[21] as string | null,
  };
}

type Run = (sql: string, params: Record<string, unknown>) => ChatRow | undefined;

/**
 * Writes the chat's summary. With `returning` it returns the chat's row after it (undefined
 * when the touch needed no write: the caller reads those chats).
 */
export function refreshChatSummary(db: StoreDb, chatId: ChatId, t: ChatTouch, returning = false): ChatRow | undefined {
  const run: Run = returning
    ? (sql, params) => {
        const v = db
          .prepare(sql + RETURNING)
          .raw(true)
          .get(params) as unknown[] | undefined;
        return v ? chatRowOfValues(v) : undefined;
      }
    : (sql, params) => void db.prepare(sql).run(params);
  const counters = { chatId, override: t.unreadOverride, delta: t.unreadDelta };
  const unread = t.unreadOverride !== null || t.unreadDelta !== 0 ? 1 : 0;
  if (t.recompute) {
    const last = db.prepare(LAST_MESSAGE_SQL).get(chatId) as LastRow | undefined;
    return run(REPLACE_SQL[unread], {
      ...counters,
      seq: last?.seq ?? null,
      ts: last?.ts ?? null,
      fromMe: last?.from_me ?? 0,
      ...partsOf(
        last
          ? previewParts({
              type: last.type as MessageType,
              body: last.body,
              caption: last.caption,
              revoked: last.revoked === 1,
            })
          : null,
      ),
    });
  }
  if (t.newest) {
    const n = t.newest;
    return run(NEWER_SQL[unread], {
      ...counters,
      seq: n.seq,
      ts: n.ts,
      fromMe: n.fromMe ? 1 : 0,
      ...partsOf(previewParts({ type: n.type, body: n.body, caption: n.caption, revoked: n.revoked })),
    });
  }
  if (unread) return run(UNREAD_SQL, counters);
  return undefined;
}
