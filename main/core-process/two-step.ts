/**
 * The core process starts in two steps (#23). First the store opens and the first screen's
 * queries are answered from it (main/core/first-screen.ts); the whole core (accounts, sync,
 * AI, automation, every other command) loads once a renderer's first-screen query is
 * answered (or shortly after its first other call), or after `idleStartMs` when none asks, so its ~1 MB of code and its start do not compete
 * with the page's load for the CPU. Commands that need the whole core wait for it and are
 * answered, never dropped.
 */
import type { Core } from '../core/core';
import type { Dispatch } from '../core/dispatch';
import type { FirstScreen } from '../core/first-screen';
import { stagedDispatch } from '../core/staged-dispatch';

export type TwoStepOptions = {
  /** The store the first step opened: closed alone when the whole core never loaded. */
  readonly opened: { readonly store: { close(): void } };
  readonly first: FirstScreen;
  /** Loads and builds the whole core (a dynamic import: its code is not even parsed before). */
  readonly loadWhole: () => Promise<Core>;
  /** How long the whole core waits for a first call before it loads anyway. */
  readonly idleStartMs: number;
  /**
   * After a first call the first step cannot answer, how long the whole core waits for a
   * first-screen query before it loads anyway (default 100 ms): a page sends its first
   * calls within a few ms, and `chats:list` must not wait behind the load (#23).
   */
  readonly firstScreenGraceMs?: number;
};

const FIRST_SCREEN_GRACE_MS = 100;

export type TwoStepCore = {
  readonly dispatch: Dispatch;
  /** Settles once the whole core runs (rejects when its start failed). */
  readonly whole: Promise<Core>;
  /** Closes whichever step is open: the whole core, or only the store. */
  close(): Promise<void>;
};

export function startInTwoSteps(o: TwoStepOptions): TwoStepCore {
  let begun = false;
  let closed = false;
  let grace: NodeJS.Timeout | null = null;
  let settle: { resolve(c: Core): void; reject(e: unknown): void } | null = null;
  const whole = new Promise<Core>((resolve, reject) => (settle = { resolve, reject }));
  // A whole core that fails is reported by its owner; this copy only keeps Node quiet.
  whole.catch(() => undefined);
  const begin = () => {
    if (begun || closed) return;
    begun = true;
    clearTimeout(timer);
    if (grace) clearTimeout(grace);
    o.loadWhole().then(
      core => settle?.resolve(core),
      (err: unknown) => settle?.reject(err),
    );
  };
  const timer = setTimeout(begin, o.idleStartMs);
  const staged = stagedDispatch(o.first, whole);
  return {
    dispatch: (name, args, ctx) => {
      // A first-screen query runs right here, synchronously; the load starts once it is
      // answered (calls that came in the same read of the channel run before it). Any other
      // first call starts it only after a short wait for that query.
      const reply = staged.dispatch(name, args, ctx);
      if (o.first.serves(name)) setImmediate(begin);
      else grace ??= setTimeout(begin, o.firstScreenGraceMs ?? FIRST_SCREEN_GRACE_MS);
      return reply;
    },
    whole,
    async close() {
      closed = true;
      clearTimeout(timer);
      if (grace) clearTimeout(grace);
      const core = begun ? await whole.catch(() => null) : null;
      if (core) await core.close();
      else o.opened.store.close();
    },
  };
}
