/**
 * The conversation list (reports:conversations, the CSV export) read page by page from the
 * report tables: keyset on (opened_at, chat_id) through index report_conversations_page
 * (0036), so a page reads its own rows and never the rest of the range. The chats cut again as
 * at the range's end are read from report_recut under their token instead (report-recut.ts).
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';
import type { StoredConversation } from './report-tables';
import { REPORT_COLUMNS, numbersIn } from './report-tables';

export type PageScope = {
  readonly accountIds: readonly string[];
  readonly recutChats: readonly string[];
  readonly token: string | null;
  readonly from: number;
  readonly to: number;
};

export type PageStatus = 'all' | 'resolved' | 'open' | 'reopened';

const STATUS: Record<PageStatus, string> = {
  all: 'true',
  resolved: 'resolved_at is not null',
  open: 'resolved_at is null',
  reopened: 'reopen_count > 0',
};

/** Both sources of a range's rows with `where` (and its values) applied to each. */
function sources(s: PageScope, where: string, values: unknown[], hint = '') {
  // A stored row touched at or after the end is replaced by the rows under the token (report-aggregates.ts partsOf).
  const stored = {
    sql:
      `select ${REPORT_COLUMNS} from report_conversations ${hint} where account_id in (?) and touched_at < ? ` +
      `and opened_at >= ? and opened_at < ? and ${where}`,
    values: [s.accountIds, s.to, s.from, s.to, ...values],
  };
  if (s.token === null) return [stored];
  return [
    stored,
    {
      sql: `select ${REPORT_COLUMNS} from report_recut where token = ? and account_id in (?) and opened_at >= ? and opened_at < ? and ${where}`,
      values: [s.token, s.accountIds, s.from, s.to, ...values],
    },
  ];
}

/** The chat id of the k-th conversation (1-based, in chat id order) opened at `openedAt`; null: fewer. */
export async function chatAtPosition(raw: RawExec, s: PageScope, openedAt: number, k: number): Promise<string | null> {
  const parts = sources(s, 'opened_at = ?', [openedAt]);
  const [rows] = await raw.query<RowDataPacket[]>({
    sql: `select chat_id from (${parts.map(p => p.sql).join(' union all ')}) x order by chat_id limit 1 offset ?`,
    values: [...parts.flatMap(p => p.values), k - 1],
  });
  return rows.length > 0 ? String(rows[0]!['chat_id']) : null;
}

/** How many conversations opened at `openedAt` come at or before chatId: the position a cursor names. */
export async function positionOf(raw: RawExec, s: PageScope, openedAt: number, chatId: string): Promise<number> {
  const parts = sources(s, 'opened_at = ? and chat_id <= ?', [openedAt, chatId]);
  const [rows] = await raw.query<RowDataPacket[]>({
    sql: `select count(*) n from (${parts.map(p => p.sql).join(' union all ')}) x`,
    values: parts.flatMap(p => p.values),
  });
  return Number(rows[0]!['n']);
}

/** Up to `limit` conversations of the status after (openedAt, chatId) (null: from the start), in list order. */
export async function pageRows(
  raw: RawExec,
  s: PageScope,
  status: PageStatus,
  after: { openedAt: number; chatId: string | null } | null,
  limit: number,
): Promise<StoredConversation[]> {
  const keyset =
    after === null
      ? { where: 'true', values: [] as unknown[] }
      : after.chatId === null
        ? { where: 'opened_at > ?', values: [after.openedAt] }
        : {
            where: '(opened_at > ? or (opened_at = ? and chat_id > ?))',
            values: [after.openedAt, after.openedAt, after.chatId],
          };
  // The index in list order: the page stops after `limit` rows (the primary key starts with the number).
  const parts = sources(
    s,
    `${STATUS[status]} and ${keyset.where}`,
    keyset.values,
    'force index (report_conversations_page)',
  );
  const ordered = (sql: string) => `${sql} order by opened_at, chat_id limit ${Number(limit)}`;
  const [rows] = await raw.query({
    sql:
      parts.length === 1 ? ordered(parts[0]!.sql) : ordered(parts.map(p => `(${ordered(p.sql)})`).join(' union all ')),
    values: parts.flatMap(p => p.values),
    rowsAsArray: true,
  });
  return numbersIn<StoredConversation>(rows);
}
