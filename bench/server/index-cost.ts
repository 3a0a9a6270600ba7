/**
 * What the messages table's secondary indexes cost a push's INSERT (issue #24), on demand
 * (BENCH_SERVER_INDEXES=1, after the push rounds): the same raw multi-row INSERTs, with the
 * same lanes in flight, into a copy of `messages` and into a copy without its three
 * secondary indexes (messages_chat_ts, messages_media, messages_reports; the unique key
 * stays: the push needs it), interleaved ABBA. Not a figure of its own: it goes in the note.
 */
import type { Pool } from 'mysql2/promise';

type Rows = readonly (readonly unknown[])[];

export async function indexCost(
  pool: Pool,
  cols: readonly string[],
  batches: readonly Rows[],
  lanes: number,
): Promise<string> {
  await pool.query('create table bench_idx_full like messages');
  await pool.query('create table bench_idx_bare like messages');
  await pool.query(
    'alter table bench_idx_bare drop index messages_chat_ts, drop index messages_media, drop index messages_reports',
  );
  const run = async (table: string, round: readonly Rows[]) => {
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < round.length)
        await pool.query(`insert into ${table} (${cols.join(', ')}) values ?`, [round[next++]!]);
    };
    await Promise.all(Array.from({ length: lanes }, lane));
    return performance.now() - started;
  };
  const half = Math.ceil(batches.length / 2);
  const [a, b] = [batches.slice(0, half), batches.slice(half)];
  const full = await run('bench_idx_full', a);
  const bare = (await run('bench_idx_bare', a)) + (await run('bench_idx_bare', b));
  const fullTotal = full + (await run('bench_idx_full', b));
  const per = (ms: number) => (ms / batches.length).toFixed(1);
  return `raw INSERT per batch with all indexes ${per(fullTotal)} ms, without the 3 secondary ones ${per(bare)} ms (${Math.round((1 - bare / fullTotal) * 100)} % of it is theirs)`;
}
