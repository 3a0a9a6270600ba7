/**
 * A host may keep more than one `sync:push` in flight (it hides the round trip), so the
 * server applies one device's pushes one after another, in the order they arrived: a
 * batch's acks and edits must find the messages an earlier batch stored. Each push takes
 * its turn on arrival, before any await, so a small batch parsed faster cannot overtake a
 * big one. If a push fails, the ones already waiting behind it are refused too
 * ('unavailable'): the device pushes again from the failed batch, and nothing after it
 * lands out of order. A push that arrives once the failure is settled is that resend.
 *
 * Per node and in memory: a device's socket is on one node, and a reconnect (possibly to
 * another node) starts again from the device's oldest unacknowledged batch.
 *
 * One step may run ahead of the turn: a push's plain INSERT of its new messages, on its own
 * open transaction, while the push before it still does the rest of its work and commits
 * (`ahead`). The earlier push allows it (`letNextAhead`) only when nothing it has left to do
 * writes a message row, so it can never wait for a row lock the later push holds while the
 * later push waits for its commit (a wait the database could not see as a deadlock). The
 * later push's remaining work, commit included, still waits for its turn, and is refused if
 * an earlier push failed: its transaction, early INSERT included, is then rolled back.
 */
import { CommandError } from '../../../common/result';

type Link = {
  /** Resolves once this turn and every turn before it settled: true if this turn failed or was refused. */
  readonly done: Promise<boolean>;
  /** Resolves once the next push may insert ahead: this push allowed it, or settled. */
  readonly aheadOpen: Promise<void>;
  settled: boolean;
};

export type PushTurn = {
  /** Runs `work` once the earlier pushes settled, or refuses it if one of them failed. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the turn up without running (the push was refused before its work began). */
  release(): void;
  /**
   * Resolves once this push may insert its new messages ahead of its turn: the push before
   * it allowed it (letNextAhead) or settled. Never rejects; `run` still refuses after a failure.
   */
  ahead(): Promise<void>;
  /** This push's own early work is done and what it has left writes no message row: the next may insert ahead. */
  letNextAhead(): void;
  /** This push failed before its turn (its early work): the pushes behind it are refused. */
  fail(): void;
};

export type PushOrder = {
  /** Takes the device's next turn; call synchronously on arrival. */
  reserve(deviceId: string): PushTurn;
  /** Devices with a push waiting or running (for tests). */
  readonly busy: () => number;
};

export function createPushOrder(): PushOrder {
  const last = new Map<string, Link>();
  return {
    reserve(deviceId) {
      const prev = last.get(deviceId);
      const waitFor = prev && !prev.settled ? prev.done : Promise.resolve(false);
      const mayGoAhead = prev && !prev.settled ? prev.aheadOpen : Promise.resolve();
      let settleOwn!: (failed: boolean) => void;
      const own = new Promise<boolean>(resolve => (settleOwn = resolve));
      let openAhead!: () => void;
      const opened = new Promise<void>(resolve => (openAhead = resolve));
      let used = false;
      const done = Promise.all([waitFor, own]).then(([before, mine]) => before || mine);
      const link: Link = {
        done,
        // Settling opens the way too: a push that never allowed it still lets the next one on once done.
        aheadOpen: Promise.race([opened, done.then(() => undefined)]),
        settled: false,
      };
      void link.done.then(() => {
        link.settled = true;
        if (last.get(deviceId) === link) last.delete(deviceId);
      });
      last.set(deviceId, link);
      return {
        async run(work) {
          used = true;
          if (await waitFor) {
            settleOwn(true);
            throw new CommandError(
              'unavailable',
              'an earlier batch from this device failed; push again from that batch',
            );
          }
          try {
            const value = await work();
            settleOwn(false);
            return value;
          } catch (err) {
            settleOwn(true);
            throw err;
          }
        },
        release() {
          if (used) return;
          used = true;
          settleOwn(false);
        },
        ahead: () => mayGoAhead,
        letNextAhead: () => openAhead(),
        fail() {
          if (used) return;
          used = true;
          settleOwn(true);
        },
      };
    },
    busy: () => last.size,
  };
}
