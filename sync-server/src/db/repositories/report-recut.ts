/**
 * The scratch rows of migration 0036: a range's conversations that changed after its end, cut
 * again as they were at that end (reports/recut.ts), kept under one random token while that
 * range is served, so the SQL aggregates (report-aggregates.ts) and the conversation list's
 * pages read them in place of the stored rows of the same chats.
 */
import type { RawExec } from '../index';
import type { StoredConversation } from './report-tables';
import { REPORT_COLUMNS } from './report-tables';

/** Scratch rows older than this are deleted when new ones are written (a range is cached a minute). */
const KEEP_MS = 10 * 60_000;

/**
 * The conversations a report over [from, to) reads (as report-tables.ts storedConversations
 * selects them) of the chats where one of them changed at or after `to`.
 */
export async function changedAfterEnd(
  raw: RawExec,
  accountIds: readonly string[],
  from: number,
  to: number,
): Promise<StoredConversation[]> {
  if (accountIds.length === 0) return [];
  const read =
    'opened_at < ? and (opened_at >= ? or (resolved_at >= ? and resolved_at < ?) or ' +
    '(touched_at >= ? and reopen_count > 0 and (resolved_at is null or resolved_at < ? or resolved_at >= ?)))';
  const readValues = [to, from, from, to, from, from, to];
  const [rows] = await raw.query({
    sql:
      `select ${REPORT_COLUMNS} from report_conversations where account_id in (?) and ${read} and chat_id in ` +
      `(select chat_id from report_conversations where account_id in (?) and touched_at >= ? and ${read})`,
    values: [accountIds, ...readValues, accountIds, to, ...readValues],
    rowsAsArray: true,
  });
  return (rows as unknown as StoredConversation[]).map(r => {
    for (const i of [2, 3, 5, 8, 10, 12, 13, 14, 15]) if (r[i] !== null) r[i] = Number(r[i]);
    return r;
  });
}

/** Writes rows under token (and drops scratch rows older than KEEP_MS). */
export async function writeRecut(
  raw: RawExec,
  token: string,
  now: number,
  rows: readonly StoredConversation[],
): Promise<void> {
  await raw.query('delete from report_recut where created_at < ?', [now - KEEP_MS]);
  for (let i = 0; i < rows.length; i += 1000)
    await raw.query(`insert into report_recut (token, created_at, ${REPORT_COLUMNS}) values ?`, [
      rows.slice(i, i + 1000).map(r => [token, now, ...r]),
    ]);
}
