/**
 * The two reads of the conversations a SQL report needs (reports/aggregate.ts): those opened in
 * the range and those resolved in it, one compact row each (a duration, the trend bucket, the
 * number, a member and, for the opened ones, who held them). Every count, histogram, median and
 * 90th percentile of the report is computed from these rows in TypeScript (reports/ranks.ts):
 * the window functions that ranked the same rows in SQL sorted the range once per partition
 * kind (whole, bucket, number, member) and took ~5 s each at 130,000 conversations, and the
 * split of the comma-separated holders per member ~2 s; one sequential read of the range and a
 * typed-array sort per partition in the process take a fraction of that.
 */
import type { RowDataPacket } from 'mysql2/promise';
import type { RawExec } from '../index';
import type { AggregateScope } from './report-aggregates';
import { partsOf, through } from './report-aggregates';

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
