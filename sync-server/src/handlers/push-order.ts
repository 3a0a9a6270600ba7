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
 */
import { CommandError } from '../../../common/result';

type Link = {
  /** Resolves once this turn and every turn before it settled: true if this turn failed or was refused. */
  readonly done: Promise<boolean>;
  settled: boolean;
};

export type PushTurn = {
  /** Runs `work` once the earlier pushes settled, or refuses it if one of them failed. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Gives the turn up without running (the push was refused before its work began). */
  release(): void;
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
      let settleOwn!: (failed: boolean) => void;
      const own = new Promise<boolean>(resolve => (settleOwn = resolve));
      let used = false;
      const link: Link = {
        done: Promise.all([waitFor, own]).then(([before, mine]) => before || mine),
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
      };
    },
    busy: () => last.size,
  };
}
