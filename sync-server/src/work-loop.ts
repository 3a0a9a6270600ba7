/**
 * A background worker's loop: run rounds while they find work, otherwise sleep until kicked
 * or until the poll interval passes (another node, or a lease that ended, may have left
 * work). `idle()` resolves once a round that began after the call found nothing to do, so
 * tests and benchmarks can wait for the queue to drain without sleeping.
 */
import type { ServerLog } from './log';

export type WorkLoop = {
  /** Something was committed: look for work now rather than at the next poll. */
  kick(): void;
  idle(): Promise<void>;
  /** Resolves when the round running now (if any) has finished; does not start one. */
  roundDone(): Promise<void>;
  stop(): Promise<void>;
};

export type WorkLoopOptions = {
  readonly name: string;
  readonly pollMs: number;
  readonly log: ServerLog;
  /** One round; how many items it handled (0: nothing to do, the loop may sleep). */
  round(): Promise<number>;
};

export function startWorkLoop(opts: WorkLoopOptions): WorkLoop {
  let stopped = false;
  let kicked = false;
  let wake: (() => void) | null = null;
  let round = 0;
  let idleWaiters: Array<{ resolve: () => void; after: number }> = [];

  async function waitForWork(): Promise<void> {
    if (kicked || stopped) return;
    await new Promise<void>(resolve => {
      const timer = setTimeout(() => ((wake = null), resolve()), opts.pollMs);
      wake = () => (clearTimeout(timer), (wake = null), resolve());
    });
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      kicked = false;
      const current = ++round;
      let busy = 0;
      try {
        inFlight = opts.round();
        busy = await inFlight;
      } catch (err) {
        if (!stopped) opts.log.error({ err, worker: opts.name }, 'worker round failed; retrying');
      }
      inFlight = null;
      if (busy > 0) continue;
      for (const w of idleWaiters) if (current > w.after) w.resolve();
      idleWaiters = idleWaiters.filter(w => current <= w.after);
      await waitForWork();
    }
  }

  let inFlight: Promise<number> | null = null;
  const running = loop();
  return {
    kick() {
      kicked = true;
      wake?.();
    },
    roundDone() {
      return inFlight
        ? inFlight.then(
            () => undefined,
            () => undefined,
          )
        : Promise.resolve();
    },
    idle() {
      if (stopped) return Promise.resolve();
      return new Promise<void>(resolve => {
        idleWaiters.push({ resolve, after: round });
        kicked = true;
        wake?.();
      });
    },
    async stop() {
      stopped = true;
      wake?.();
      await running;
      for (const w of idleWaiters) w.resolve();
      idleWaiters = [];
    },
  };
}
