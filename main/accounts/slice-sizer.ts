/**
 * How many messages of a queued catch-up batch the core stores in one turn. A turn holds
 * the core's thread: a live message, a renderer call or a pipe read waits for it to end.
 * The size follows the measured cost per message so a turn stays near `budgetMs` on the
 * machine it runs on: the full `max` on a fast, idle one, fewer on a slow or busy one
 * (accounts.ingest_to_event.p95_ms). Never below `min`: each slice is one transaction,
 * and a transaction has a fixed cost (the commit, the FTS flush) that tiny slices repeat.
 */
export type SliceSizer = {
  /** Messages for the next slice. */
  size(): number;
  /** A slice of `messages` took `ms` to store, read back and announce. */
  record(messages: number, ms: number): void;
};

export type SliceSizerOptions = {
  readonly max: number;
  readonly min: number;
  readonly budgetMs: number;
};

/** Weight of the newest slice in the running cost: a few slices follow a change of load. */
const WEIGHT = 0.2;
/** Slices this small say more about fixed costs than about the cost per message. */
const MIN_SAMPLE = 10;

export function createSliceSizer(o: SliceSizerOptions): SliceSizer {
  const min = Math.max(1, Math.min(o.min, o.max));
  let msPerMessage: number | null = null;
  return {
    size() {
      if (msPerMessage === null || msPerMessage <= 0) return o.max;
      return Math.max(min, Math.min(o.max, Math.floor(o.budgetMs / msPerMessage)));
    },
    record(messages, ms) {
      if (messages < MIN_SAMPLE || !Number.isFinite(ms) || ms < 0) return;
      const cost = ms / messages;
      msPerMessage = msPerMessage === null ? cost : msPerMessage + WEIGHT * (cost - msPerMessage);
    },
  };
}
