/**
 * The reads of the SQL report, the server's way of computing reports:get before each process
 * kept a conversation index (sync-server/src/reports/conversation-index.ts). The tests keep it
 * as a second, independent computation of the same figures: the conversations opened and
 * resolved in the range, one compact row each (a duration, the trend bucket, the number, a
 * member and, for the opened ones, who held them), and the conversations of the chats that
 * changed after a range's end.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../../../sync-server/src/db/index';
import type { AggregateScope } from '../../../sync-server/src/db/repositories/report-aggregates';
import { partsOf, through } from '../../../sync-server/src/db/repositories/report-aggregates';
import type { StoredConversation } from '../../../sync-server/src/db/repositories/report-tables';
import { REPORT_COLUMNS, numbersIn } from '../../../sync-server/src/db/repositories/report-tables';

export type DurationRow = {
  /** The duration (ms): first response (null: not answered) or resolution. */
  readonly value: number | null;
  /** The trend bucket of the opening (first response) or of the resolution. */
  readonly bucket: number;
  readonly accountId: string;
  /** The first responder, or the resolver; null when none. */
  readonly memberId: string | null;
  /** The member's own duration: the same as value, or the resolver's handle time. */
  readonly memberValue: number;
  /** Everyone who held the conversation, comma-separated ('' for the resolved read). */
  readonly holders: string;
};

const num = (v: unknown): number => Number(v);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

async function scan(
  raw: RawExec,
  s: AggregateScope,
  select: string,
  where: string,
  index?: string,
): Promise<DurationRow[]> {
  const results = await Promise.all(
    partsOf(s).map(p =>
      raw.query<RowDataPacket[]>({
        sql: `select ${select} from ${index ? through(p, index) : p.table} where ${p.filter} and ${where}`,
        values: p.values,
        rowsAsArray: true,
      }),
    ),
  );
  return results.flatMap(([rows]) =>
    rows.map(r => ({
      value: r[0] === null ? null : num(r[0]),
      bucket: num(r[1]),
      accountId: String(r[2]),
      memberId: str(r[3]),
      memberValue: r[4] === null ? 0 : num(r[4]),
      holders: str(r[5]) ?? '',
    })),
  );
}

/** The conversations opened in the range: first response time and responder, and their holders. */
export function openedScan(raw: RawExec, s: AggregateScope): Promise<DurationRow[]> {
  const z = s.zone;
  return scan(
    raw,
    s,
    `first_response_at - opened_at, ${z.bucket('opened_at')}, account_id, first_responder_id, ` +
      'first_response_at - opened_at, holders',
    `opened_at >= ${z.start} and opened_at < ${z.end}`,
  );
}

/**
 * The conversations resolved in the range: resolution time, resolver and the resolver's handle
 * time (from when they got it, or its opening, to the resolution: figures.ts).
 */
export function resolvedScan(raw: RawExec, s: AggregateScope): Promise<DurationRow[]> {
  const z = s.zone;
  return scan(
    raw,
    s,
    `resolved_at - opened_at, ${z.bucket('resolved_at')}, account_id, resolved_by, ` +
      "resolved_at - greatest(case when resolved_by = assignee_id then assignee_since else opened_at end, opened_at), ''",
    `resolved_at >= ${z.start} and resolved_at < ${z.end}`,
    'report_conversations_resolved_cover',
  );
}

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
  return numbersIn<StoredConversation>(rows);
}
