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
