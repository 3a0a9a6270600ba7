/**
 * The reads behind each process's in-memory conversation index (reports/conversation-index.ts):
 * every stored conversation once, then the chats replaced since (report_versions, migration
 * 0039, written in the same transaction as the rows it announces) and those chats' rows again.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';
import type { StoredConversation } from './report-tables';
import { REPORT_COLUMN_NAMES, numbersIn } from './report-tables';

/** Versions older than this are deleted; an index that has not looked for longer loads again. */
export const VERSIONS_KEEP_MS = 60 * 60_000;

type S = StoredConversation;
/** The columns the index keeps: these positions of StoredConversation, in this order. */
const KEPT = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13] as const;
export type IndexedRow = [S[0], S[1], S[2], S[3], S[4], S[5], S[6], S[7], S[8], S[9], S[11], S[13]];
const INDEXED_COLUMNS = KEPT.map(i => REPORT_COLUMN_NAMES[i]).join(', ');
const typed = (rows: RowDataPacket[]) => numbersIn<IndexedRow>(rows, KEPT);

/** Every stored conversation. */
export async function allIndexedRows(raw: RawExec): Promise<IndexedRow[]> {
  const [rows] = await raw.query<RowDataPacket[]>({
    sql: `select ${INDEXED_COLUMNS} from report_conversations`,
    rowsAsArray: true,
  });
  return typed(rows);
}

/** These chats' stored conversations. */
export async function chatsIndexedRows(raw: RawExec, chatIds: readonly string[]): Promise<IndexedRow[]> {
  const out: IndexedRow[] = [];
  for (let i = 0; i < chatIds.length; i += 1000) {
    const [rows] = await raw.query<RowDataPacket[]>({
      sql: `select ${INDEXED_COLUMNS} from report_conversations where chat_id in (?)`,
      values: [chatIds.slice(i, i + 1000)],
      rowsAsArray: true,
    });
    out.push(...typed(rows));
  }
  return out;
}

/** Records that these chats' rows were replaced (in the transaction that replaces them). */
export async function recordVersions(tx: RawExec, chatIds: readonly string[], now: number): Promise<void> {
  if (chatIds.length > 0)
    await tx.query('insert into report_versions (chat_id, at) values ?', [chatIds.map(id => [id, now])]);
}

/** Deletes the versions older than VERSIONS_KEEP_MS. */
export async function pruneVersions(raw: RawExec, now: number): Promise<void> {
  await raw.query('delete from report_versions where at < ?', [now - VERSIONS_KEEP_MS]);
}

/**
 * Where a load starts: the highest seq; the highest written before `since` (older transactions
 * are taken as committed); and the seqs written since (a seq between the two that is not among
 * them may belong to a transaction still open: the index looks for it again).
 */
export async function versionMarks(
  raw: RawExec,
  since: number,
): Promise<{ max: number; floor: number; recent: number[] }> {
  const [[top]] = await raw.query<RowDataPacket[]>(
    'select coalesce(max(seq), 0) as m, (select coalesce(max(seq), 0) from report_versions where at < ?) as f ' +
      'from report_versions',
    [since],
  );
  const [rows] = await raw.query<RowDataPacket[]>({
    sql: 'select seq from report_versions where at >= ? order by seq',
    values: [since],
    rowsAsArray: true,
  });
  return { max: Number(top?.['m'] ?? 0), floor: Number(top?.['f'] ?? 0), recent: rows.map(r => Number(r[0])) };
}

/** The versions past `after`, and those among `gaps` (seqs not seen yet below it). */
export async function versionsSince(
  raw: RawExec,
  after: number,
  gaps: readonly number[],
): Promise<{ seq: number; chatId: string }[]> {
  const [rows] = await raw.query<RowDataPacket[]>({
    sql: `select seq, chat_id from report_versions where seq > ?${gaps.length > 0 ? ' or seq in (?)' : ''}`,
    values: gaps.length > 0 ? [after, gaps] : [after],
    rowsAsArray: true,
  });
  return rows.map(r => ({ seq: Number(r[0]), chatId: String(r[1]) }));
}
