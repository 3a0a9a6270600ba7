/**
 * Messages sent per member (migration 0037): whole UTC days from report_member_days, the partial
 * days at a range's edges (local midnights) from the 15-minute rows. Counts are powers of two so
 * a bucket counted twice, left out or taken from outside the range changes the sum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSentDays, storedSentCounts } from '../../../sync-server/src/db/repositories/report-sent';
import type { Stack } from './harness';
import { startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const MIN = 60_000;
const DAY = 86_400_000;

describe('messages sent per member', () => {
  it('sum whole UTC days and the partial days at both edges of a range, and nothing outside it', async () => {
    const raw = stack.node.app.database.raw;
    const { id: member } = await stack.member('agent', 'sender');
    const account = 'acct-sent-days';
    // The range: three local days in UTC+7, from 17:00 UTC to 17:00 UTC.
    const from = Date.UTC(2026, 0, 10, 17);
    const to = from + 3 * DAY;
    const buckets: [number, number][] = [
      [from - 15 * MIN, 1], // before the range, same UTC day as its start
      [from, 2], // the partial first day
      [Date.UTC(2026, 0, 11, 0), 4], // a whole UTC day
      [Date.UTC(2026, 0, 12, 12), 8], // a whole UTC day
      [to - 15 * MIN, 16], // the partial last day
      [to, 32], // after the range, same UTC day as its end
    ];
    const rows = buckets.map(([bucket, n]) => [account, member, bucket, n] as const);
    await raw.query(
      'insert into report_message_counts (account_id, member_id, bucket, messages_in, messages_out) values ?',
      [rows.map(([a, m, b, n]) => [a, m, b, 0, n])],
    );
    await countSentDays(raw, rows);
    expect((await storedSentCounts(raw, [account], from, to)).get(member)).toBe(2 + 4 + 8 + 16);
    // A range inside one UTC day: 15-minute rows only.
    expect((await storedSentCounts(raw, [account], from - 15 * MIN, from + 15 * MIN)).get(member)).toBe(1 + 2);
    // The day rows hold each UTC day's sum.
    const [days] = await raw.query(
      'select day, messages_out from report_member_days where account_id = ? order by day',
      [account],
    );
    expect(
      (days as { day: unknown; messages_out: unknown }[]).map(d => [Number(d.day), Number(d.messages_out)]),
    ).toEqual([
      [Date.UTC(2026, 0, 10), 1 + 2],
      [Date.UTC(2026, 0, 11), 4],
      [Date.UTC(2026, 0, 12), 8],
      [Date.UTC(2026, 0, 13), 16 + 32],
    ]);
  });
});
