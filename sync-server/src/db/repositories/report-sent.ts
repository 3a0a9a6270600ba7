/**
 * Messages each member sent through the server (migration 0037): besides the 15-minute member
 * rows of report_message_counts, one row per number, member and UTC day in report_member_days,
 * so a 30-day range sums ~30 rows per member instead of ~2,900. The range's edges (local
 * midnights, never UTC ones unless the zone is UTC) fall inside a UTC day: the partial days at
 * each end are summed from the 15-minute rows, whole UTC days from the day rows.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';

const DAY_MS = 86_400_000;

/** The day rows of every member counter (the rebuild and migration 0037 run the same statement). */
export const SENT_DAYS_SQL =
  'insert into report_member_days (account_id, member_id, day, messages_out) ' +
  'select account_id, member_id, bucket - mod(bucket, 86400000), sum(messages_out) from report_message_counts ' +
  "where member_id <> '' group by account_id, member_id, bucket - mod(bucket, 86400000)";

/** Adds these 15-minute member counts (account, member, bucket, sent) to their UTC days. */
export async function countSentDays(
  tx: RawExec,
  rows: readonly (readonly [string, string, number, number])[],
): Promise<void> {
  const days = new Map<string, [string, string, number, number]>();
  for (const [accountId, memberId, bucket, n] of rows) {
    const day = bucket - (((bucket % DAY_MS) + DAY_MS) % DAY_MS);
    const key = `${accountId}\n${memberId}\n${day}`;
    const row = days.get(key) ?? [accountId, memberId, day, 0];
    row[3] += n;
    days.set(key, row);
  }
  if (days.size === 0) return;
  await tx.query(
    'insert into report_member_days (account_id, member_id, day, messages_out) values ? ' +
      'on duplicate key update messages_out = messages_out + values(messages_out)',
    [[...days.values()]],
  );
}

/**
 * Messages each member sent through the server in [from, to) (from and to on 15-minute
 * instants): whole UTC days from report_member_days, the partial days at the edges from the
 * 15-minute rows; each a range of the primary key (account, member, instant) per number and member.
 */
export async function storedSentCounts(
  raw: RawExec,
  accountIds: readonly string[],
  from: number,
  to: number,
): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const [members] = await raw.query<RowDataPacket[]>('select id from members');
  if (members.length === 0) return new Map();
  const memberIds = members.map(m => String(m['id']));
  const dayFrom = Math.ceil(from / DAY_MS) * DAY_MS;
  const dayTo = Math.floor(to / DAY_MS) * DAY_MS;
  const scope = 'account_id in (?) and member_id in (?)';
  const quarters = (lo: number, hi: number) => ({
    sql: `select member_id, messages_out from report_message_counts where ${scope} and bucket >= ? and bucket < ?`,
    values: [accountIds, memberIds, lo, hi],
  });
  const parts =
    dayFrom >= dayTo
      ? [quarters(from, to)]
      : [
          quarters(from, dayFrom),
          {
            sql: `select member_id, messages_out from report_member_days where ${scope} and day >= ? and day < ?`,
            values: [accountIds, memberIds, dayFrom, dayTo],
          },
          quarters(dayTo, to),
        ];
  const [rows] = await raw.query<RowDataPacket[]>({
    sql: `select member_id, sum(messages_out) from (${parts.map(p => p.sql).join(' union all ')}) t group by member_id`,
    values: parts.flatMap(p => p.values),
    rowsAsArray: true,
  });
  return new Map(rows.map(r => [String(r[0]), Number(r[1])]));
}
