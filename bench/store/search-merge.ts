/**
 * The search index as the bench's ingest leaves it, and as a user's store has it after idle
 * time (#24). The bench's 1M-message store is written back to back, so its index ends in the
 * segments FTS5's automerge left (16); a user's store has had quiet spells, in which the
 * store's own maintenance (main/store/search-maintenance.ts) merges it into one. So:
 *  - store.search.like_ratio_unmerged: the headline's measurement (first search, end to end,
 *    against LIKE) on the index as ingested, what store.search.like_ratio measured until the
 *    merge was built;
 *  - then `mergeSearchIndex`, the slices the idle maintenance runs, back to back:
 *    store.search.merge_total_ms (time inside the slices) and
 *    store.search.merge_longest_slice_ms (the longest wait a command could meet), with the
 *    segment counts before and after;
 *  - then the other search figures (search.ts) on the merged index.
 */
import type { Store } from '../../main/store';
import { mergeSearchIndex } from '../../main/store';
import type { BenchResult } from '../types';
import { endToEndParts, endToEndRatio, searchQueries } from './search';
import { time } from './stats';

type Unscaled = Omit<BenchResult, 'scale'>;

/** The first search end to end on the index as the ingest left it. */
export async function unmergedResult(
  store: Store,
  vocab: readonly string[],
  log: (s: string) => void,
): Promise<Unscaled> {
  const queries = searchQueries(vocab);
  log('unmerged index:');
  const endToEnd = await endToEndRatio(store, queries, log);
  const parts = endToEndParts(store, queries, log);
  return {
    id: 'store.search.like_ratio_unmerged',
    value: endToEnd.like / endToEnd.cold,
    unit: 'x',
    baseline: endToEnd.like,
    ratio: endToEnd.like / endToEnd.cold,
    note: `as store.search.like_ratio (first search, end to end) on the index as the bench's ingest left it, before the store's idle-time merge (ours ${endToEnd.cold.toFixed(1)} ms; repeat ${endToEnd.ours.toFixed(1)} ms). Ours by part, ms: ${parts}`,
  };
}

/** Runs the store's idle-time merge to the end, as its quiet spells would, and times it. */
export function mergeResults(store: Store, log: (s: string) => void): Unscaled[] {
  const run = mergeSearchIndex(store.db);
  // What the merge wrote goes into the main file before the search figures, as the
  // checkpoint thread would do after it (off the core's thread).
  const checkpointMs = time(() => store.db.sqlite.pragma('wal_checkpoint(TRUNCATE)'));
  const sorted = [...run.sliceMs].sort((a, b) => a - b);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0).toFixed(1);
  const spread = `slices: median ${at(0.5)} ms, p95 ${at(0.95)}, p99 ${at(0.99)}, ${sorted.filter(ms => ms > 20).length} over 20 ms`;
  const what = `messages' index ${run.segmentsBefore} segments → ${run.segmentsAfter}, chats' ${run.chatSegmentsBefore} → ${run.chatSegmentsAfter}, in ${run.slices} slices`;
  log(
    `search index merge: ${what}, ${(run.totalMs / 1000).toFixed(1)} s in slices, longest ${run.longestMs.toFixed(1)} ms (${spread}); WAL checkpoint after it ${(checkpointMs / 1000).toFixed(1)} s`,
  );
  return [
    {
      id: 'store.search.merge_total_ms',
      value: run.totalMs,
      unit: 'ms',
      note: `mergeSearchIndex (the idle maintenance's slices back to back, ~4 ms each): ${what}; time inside the slices; the WAL checkpoint after it, off the core's thread in the product, ${checkpointMs.toFixed(0)} ms`,
    },
    {
      id: 'store.search.merge_longest_slice_ms',
      value: run.longestMs,
      unit: 'ms',
      note: `the longest of the merge's ${run.slices} slices: the longest a command arriving during the idle merge waits (a slice stops at a term boundary, so a long doclist is written whole); ${spread}`,
    },
  ];
}
