/** Requests sent to an account's process and waiting for their result, each with a timeout. */
import { CommandError } from '../../common/result';
import type { Clock } from './timings';

type Waiter = { resolve(v: unknown): void; reject(e: Error): void; timer: unknown };

export class PendingRequests {
  private waiters = new Map<number, Waiter>();
  private nextId = 1;

  constructor(private readonly clock: Clock) {}

  get size(): number {
    return this.waiters.size;
  }

  /** A fresh id, also used for pings so ids never collide. */
  id(): number {
    return this.nextId++;
  }

  /** Waits for the result of request `id`, sent by `send`; times out as a CommandError. */
  wait(id: number, timeoutMs: number, what: string, send: () => void): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      const timer = this.clock.setTimeout(() => {
        this.waiters.delete(id);
        reject(new CommandError('timeout', `WhatsApp did not answer ${what} in time.`));
      }, timeoutMs);
      this.waiters.set(id, { resolve, reject, timer });
      send();
    });
  }

  settle(id: number, outcome: { ok: true; value: unknown } | { ok: false; error: string }): void {
    const w = this.waiters.get(id);
    if (!w) return; // timed out already, or an answer to nothing we asked
    this.waiters.delete(id);
    this.clock.clearTimeout(w.timer);
    if (outcome.ok) w.resolve(outcome.value);
    else w.reject(new CommandError('unavailable', outcome.error));
  }

  rejectAll(message: string): void {
    for (const [id, w] of this.waiters) {
      this.clock.clearTimeout(w.timer);
      w.reject(new CommandError('unavailable', message));
      this.waiters.delete(id);
    }
  }
}
