/**
 * Following the workspace's event log. Pull pages are complete up to their cursor, so only
 * they move the stored cursor (protocol rule 2). Live events are applied at once for speed
 * but leave the cursor alone, and a debounced pull follows them (rule 3): a fact published
 * before this device joined its room (e.g. just added to an account) can only come that way.
 * Events applied live are remembered so the pull does not apply them twice.
 * What the server sends is parsed first (facts.ts): malformed facts never reach `apply`.
 */
import type { PullPage, SyncEvent } from '../../common/protocol';
import type { Logger } from '../platform/log';
import type { Store } from '../store';
import type { ApplyEffects } from './apply';
import { emptyEffects } from './apply';
import { parseLivePacket, parsePullPage } from './facts';

export const CURSOR_KEY = 'workspace';
const PULL_DEBOUNCE_MS = 300;
const PAGE = 500;

export const readCursor = (store: Store): number => Number(store.getSyncCursor(CURSOR_KEY) ?? '0') || 0;

export type EventLogDeps = {
  readonly store: Store;
  /** The server's `sync:pull` reply, as it came: it is parsed here. */
  readonly pull: (args: { cursor: number; limit: number }) => Promise<unknown>;
  readonly apply: (fx: ApplyEffects, ev: SyncEvent) => void;
  readonly emitEffects: (fx: ApplyEffects) => void;
  /** Runs work on the sync's one queue, so applies never interleave. */
  readonly enqueue: (work: () => Promise<void> | void) => Promise<void>;
  readonly isOnline: () => boolean;
  readonly announce: () => void;
  readonly log: Logger;
};

export function createEventLog(deps: EventLogDeps) {
  const { store, log } = deps;
  let catchingUp = false;
  let buffered: SyncEvent[] = [];
  /** Sequence numbers applied live and not yet covered by the cursor. */
  const liveSeqs = new Set<number>();
  let pullTimer: NodeJS.Timeout | null = null;

  function applyEvents(list: readonly SyncEvent[], live: boolean): void {
    const fx = emptyEffects();
    // One transaction per page: committing each event on its own was most of a catch-up's
    // time (10,000 events: ~1.4 ms of commit each).
    store.transaction(() => applyInOrder(list, live, fx));
    deps.emitEffects(fx);
  }

  function applyInOrder(list: readonly SyncEvent[], live: boolean, fx: ApplyEffects): void {
    const from = readCursor(store);
    let at = from;
    for (const ev of list) {
      if (ev.seq <= from) continue; // already applied from a pull page
      const seenLive = live ? liveSeqs.has(ev.seq) : liveSeqs.delete(ev.seq);
      if (!seenLive) {
        try {
          deps.apply(fx, ev);
        } catch (err) {
          log.error('workspace event could not be applied', { seq: ev.seq, type: ev.type, err: String(err) });
        }
      }
      if (live) liveSeqs.add(ev.seq);
      else at = Math.max(at, ev.seq);
    }
    if (at !== from) store.setSyncCursor(CURSOR_KEY, String(at));
  }

  /** Pages from the cursor until the server has no more; live events meanwhile wait. */
  async function pullAll(): Promise<void> {
    catchingUp = true;
    try {
      for (;;) {
        const page: PullPage = parsePullPage(await deps.pull({ cursor: readCursor(store), limit: PAGE }), log);
        applyEvents(page.events, false);
        if (page.cursor > readCursor(store)) store.setSyncCursor(CURSOR_KEY, String(page.cursor));
        for (const seq of liveSeqs) if (seq <= readCursor(store)) liveSeqs.delete(seq);
        if (!page.hasMore) break;
      }
    } finally {
      catchingUp = false;
      const waiting = buffered;
      buffered = [];
      if (waiting.length) onLive(waiting);
    }
    deps.announce();
  }

  function onLive(list: SyncEvent[]): void {
    void deps.enqueue(() => applyEvents(list, true));
    if (pullTimer) return;
    pullTimer = setTimeout(() => {
      pullTimer = null;
      if (deps.isOnline()) void deps.enqueue(pullAll);
    }, PULL_DEBOUNCE_MS);
  }

  return {
    pullAll,
    /** A `sync:facts` packet as it arrived on the socket (facts in seq order). */
    live(packet: unknown): void {
      const facts = parseLivePacket(packet, log);
      if (facts.length === 0) return;
      if (catchingUp) buffered.push(...facts);
      else onLive(facts);
    },
    close(): void {
      if (pullTimer) clearTimeout(pullTimer);
      pullTimer = null;
    },
  };
}
