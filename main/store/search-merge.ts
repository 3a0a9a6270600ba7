/**
 * Merging the search indexes' segments in bounded slices (#24): what the idle-time maintenance
 * (search-maintenance.ts) runs over its quiet spells, and the benchmark runs at once.
 *
 * FTS5's 'merge' command with N pages merges segments until about |N| pages of merged output
 * are written. A negative N makes it put every segment on one level and merge as few as two,
 * so repeated slices end in one segment. A 'merge' that changes fewer than two rows found
 * nothing to merge (FTS5's documented signal). The chats' index (`chats_fts`, the "Chats" part of every search) is
 * merged after the messages'.
 */
import type { StoreDb } from './db';

/** The indexes merged, in this order: a fixed list, never user input, in the SQL below. */
const FTS_TABLES = ['messages_fts', 'chats_fts'] as const;
export type FtsTable = (typeof FTS_TABLES)[number];
const mergeSql = (table: FtsTable) => `INSERT INTO ${table}(${table}, rank) VALUES ('merge', ?)`;
const CHANGES_SQL = 'SELECT total_changes()';

/** How long one slice aims to take, ms: short enough that a command waiting for it does not notice. */
export const DEFAULT_SLICE_MS = 4;
/** Pages of merged output a slice asks for, bounds of the adaptive size. */
const FIRST_PAGES = 32;
const MIN_PAGES = 4;
const MAX_PAGES = 4096;

export type MergeSlice = {
  /** Whether FTS5 merged anything (false: the index had nothing left to merge). */
  readonly worked: boolean;
  readonly ms: number;
  /** Pages of merged output asked for. */
  readonly pages: number;
};

/** An index's segment count (the benchmark's before/after, the tests): FTS5 keeps a row per segment and leaf range in its _idx table. */
export function searchIndexSegments(db: StoreDb, table: FtsTable = 'messages_fts'): number {
  return db.prepare(`SELECT count(DISTINCT segid) FROM ${table}_idx`).pluck().get() as number;
}

/**
 * Leaf pages of each segment of an index, by seeks (no scan): FTS5's _idx table has a row per
 * leaf that starts a term, keyed (segid, term), its pgno column the page number shifted left
 * once; a segment's last such row is near its end.
 */
export function segmentPages(db: StoreDb, table: FtsTable): number[] {
  const nextSegment = db.prepare(`SELECT segid FROM ${table}_idx WHERE segid > ? ORDER BY segid LIMIT 1`).pluck();
  const lastPage = db.prepare(`SELECT pgno FROM ${table}_idx WHERE segid = ? ORDER BY term DESC LIMIT 1`).pluck();
  const pages: number[] = [];
  for (let segid = nextSegment.get(-1) as number | undefined; segid !== undefined;) {
    pages.push(Math.max(1, (lastPage.get(segid) as number) >> 1));
    segid = nextSegment.get(segid) as number | undefined;
  }
  return pages;
}

/**
 * An index is merged into one segment once the segments besides the largest hold at least
 * 1/FULL_MERGE_SHARE of its pages. A merge rewrites the whole index (FTS5 cannot leave the
 * largest segment out: merging only the small ones, its positive 'merge' with `usermerge` 2
 * or 3, measured, soon took the largest in as well), so it waits until that much new data pays
 * for it: at once after a bulk import or a long catch-up, after a trickle of messages rarely,
 * and each message is rewritten about FULL_MERGE_SHARE + 1 times at most. In between, the new
 * segments are what FTS5's own automerge makes of them during the ingest.
 */
const FULL_MERGE_SHARE = 8;

/** Whether an index with segments of these sizes (leaf pages) is due a merge. */
export function mergeDue(pages: readonly number[]): boolean {
  if (pages.length < 2) return false;
  const largest = Math.max(...pages);
  const rest = pages.reduce((sum, n) => sum + n, 0) - largest;
  return rest * FULL_MERGE_SHARE >= largest;
}

/**
 * Slices of merging, each sized from the last one's time so that it takes about `sliceMs`.
 * Whether an index is due is decided when the slicer comes to it, and a merge once begun runs
 * to its end (a write in between adds a segment the merge takes in). A slice stops at a term boundary, so a term
 * whose doclist is longer than the slice's pages (the most common words, short prefixes) is
 * written whole: such a slice takes longer.
 */
export function createMergeSlicer(db: StoreDb, sliceMs = DEFAULT_SLICE_MS): { next(): MergeSlice } {
  let pages = FIRST_PAGES;
  // The index being merged (and whether it is due); a slice that finds it done moves on to the next at once.
  let table = 0;
  let due: boolean | undefined;
  /** One 'merge' of `pages` on one index: whether it did work. */
  const mergeOnce = (name: FtsTable): boolean => {
    due ??= mergeDue(segmentPages(db, name));
    if (!due) return false;
    const before = db.prepare(CHANGES_SQL).pluck().get() as number;
    // Negative: every segment on one level, as few as two merged, so the slices end in one segment.
    db.prepare(mergeSql(name)).run(-pages);
    return (db.prepare(CHANGES_SQL).pluck().get() as number) - before >= 2;
  };
  return {
    next() {
      // The checkpoint thread's RESTART gets its gap, as before any other write.
      db.beforeWrite?.();
      const t0 = performance.now();
      let worked = false;
      for (let name = FTS_TABLES[table]; name !== undefined && !worked; name = FTS_TABLES[table]) {
        worked = mergeOnce(name);
        if (!worked) {
          table += 1;
          due = undefined;
        }
      }
      const ms = performance.now() - t0;
      const slice = { worked, ms, pages };
      // Done: the next run (after new writes) starts again from the first index.
      if (!worked) table = 0;
      const scaled = Math.round((pages * sliceMs) / Math.max(ms, 0.05));
      pages = Math.min(MAX_PAGES, Math.max(MIN_PAGES, Math.min(scaled, pages * 2)));
      return slice;
    },
  };
}

export type MergeRun = {
  readonly slices: number;
  /** Time inside the slices, ms (what the event loop gave to merging). */
  readonly totalMs: number;
  readonly longestMs: number;
  /** Every slice's time, ms, in order (the benchmark's distribution). */
  readonly sliceMs: readonly number[];
  /** Of the messages' index. */
  readonly segmentsBefore: number;
  readonly segmentsAfter: number;
  /** Of the chats' index. */
  readonly chatSegmentsBefore: number;
  readonly chatSegmentsAfter: number;
};

/**
 * Merges the index to the end, slice after slice without waiting in between: what the idle
 * maintenance does over its quiet spells, run at once (the benchmark's "after idle time"
 * store, tests).
 */
export function mergeSearchIndex(db: StoreDb, sliceMs = DEFAULT_SLICE_MS): MergeRun {
  const slicer = createMergeSlicer(db, sliceMs);
  const segmentsBefore = searchIndexSegments(db);
  const chatSegmentsBefore = searchIndexSegments(db, 'chats_fts');
  const times: number[] = [];
  for (;;) {
    const slice = slicer.next();
    times.push(slice.ms);
    if (!slice.worked) break;
  }
  return {
    slices: times.length,
    totalMs: times.reduce((sum, ms) => sum + ms, 0),
    longestMs: Math.max(...times),
    sliceMs: times,
    segmentsBefore,
    segmentsAfter: searchIndexSegments(db),
    chatSegmentsBefore,
    chatSegmentsAfter: searchIndexSegments(db, 'chats_fts'),
  };
}
