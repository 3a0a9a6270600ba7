/**
 * Idle-time merging of the search indexes (#24).
 *
 * Why: FTS5 keeps its index as segments (b-trees), one more per ingest batch until its
 * automerge folds them together, and every term lookup (each seek of a spelled prefix, each
 * phrase of a match) opens every segment. The benchmark's 1M-message store ends its ingest
 * with 16 of them; a lookup took about 0.11 ms there and 0.02–0.03 ms in one merged segment.
 * A store that has had idle time should not pay for how its index happened to be written.
 * The chats' index (`chats_fts`) is merged the same way, after the messages'.
 *
 * How: when the store has seen no write for a quiet spell, FTS5's 'merge' command runs in
 * slices of a few milliseconds on the store's own connection (search-merge.ts), each its own
 * small transaction, with the event loop free between slices (setImmediate), so a command or
 * a batch that arrives waits for one slice at most. They merge an index into one segment once
 * enough new data pays for rewriting it (after a bulk import at once, after a trickle rarely:
 * search-merge.ts's `mergeDue`). When a slice finds
 * nothing left to merge the maintenance rests until the next write. Any write between two
 * slices (this connection's `total_changes()`, another connection's commit by `data_version`)
 * pauses it until the store is quiet again; FTS5 resumes a merge it had started.
 */
import type { Logger } from '../platform/log';
import { silentLogger } from '../platform/log';
import type { StoreDb } from './db';
import type { MergeSlice } from './search-merge';
import { createMergeSlicer, DEFAULT_SLICE_MS } from './search-merge';

const STAMP_SQL = "SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version())";

export type SearchMaintenanceOptions = {
  /** Time without writes before merging starts, ms (default 3 s). */
  readonly quietMs?: number;
  /** How often it looks for writes while waiting for quiet, ms (default 1 s). */
  readonly pollMs?: number;
  readonly sliceMs?: number;
  readonly log?: Logger;
};

export type SearchMaintenanceCounts = {
  /** Slices run since the start. */
  readonly slices: number;
  /** Runs ended: a slice found nothing (left) to merge. */
  readonly completed: number;
  /** Whether a slice is scheduled for the next turn of the event loop. */
  readonly merging: boolean;
};

export type SearchMaintenance = {
  /** Stops it; a slice never runs after this returns. */
  stop(): void;
  counts(): SearchMaintenanceCounts;
};

const DEFAULT_QUIET_MS = 3000;
const DEFAULT_POLL_MS = 1000;

/** Starts the idle-time merging of one connection's search index (see the file's comment). */
export function startSearchMaintenance(db: StoreDb, opts: SearchMaintenanceOptions = {}): SearchMaintenance {
  const quietMs = opts.quietMs ?? DEFAULT_QUIET_MS;
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  const log = opts.log ?? silentLogger;
  const slicer = createMergeSlicer(db, opts.sliceMs ?? DEFAULT_SLICE_MS);
  const stampOf = () => String(db.prepare(STAMP_SQL).pluck().get());
  let stamp = stampOf();
  let quietSince = performance.now();
  // Unknown at start: the first slice tells whether there is anything to merge.
  let pending = true;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let immediate: ReturnType<typeof setImmediate> | null = null;
  let slices = 0;
  let completed = 0;
  // This run's slices and their time, for the log line at its end.
  let runSlices = 0;
  let runMs = 0;

  const live = () => !stopped && db.sqlite.open;
  /** True when something wrote since the last look: quiet starts again from now. */
  const wroteSince = (): boolean => {
    const now = stampOf();
    if (now === stamp) return false;
    stamp = now;
    quietSince = performance.now();
    pending = true;
    return true;
  };
  const wait = () => {
    immediate = null;
    if (live()) timer = setTimeout(poll, pollMs).unref();
  };
  function poll(): void {
    timer = null;
    if (!live()) return;
    if (!wroteSince() && pending && performance.now() - quietSince >= quietMs) slice();
    else wait();
  }
  function slice(): void {
    immediate = null;
    if (!live()) return;
    if (wroteSince() || db.sqlite.inTransaction) return wait();
    let done: MergeSlice;
    try {
      done = slicer.next();
    } catch (err) {
      // Errors as data: another writer holding the lock, a full disk. Try again after a quiet spell.
      log.warn('store: search index merge failed', { err: String(err) });
      quietSince = performance.now();
      return wait();
    }
    // The merge's own changes are not a write to wait for.
    stamp = stampOf();
    slices += 1;
    runSlices += 1;
    runMs += done.ms;
    if (done.worked) {
      immediate = setImmediate(slice).unref();
      return;
    }
    pending = false;
    completed += 1;
    // One slice that found nothing due is the usual end of a quiet spell: not worth a line.
    if (runSlices > 1) log.info('store: search index merged', { slices: runSlices, ms: Math.round(runMs) });
    runSlices = 0;
    runMs = 0;
    wait();
  }
  wait();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (immediate) clearImmediate(immediate);
      timer = null;
      immediate = null;
    },
    counts: () => ({ slices, completed, merging: immediate !== null }),
  };
}
