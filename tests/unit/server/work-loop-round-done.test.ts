/**
 * WorkLoop.roundDone (sync-server/src/work-loop.ts): a report waits for the report worker's
 * round in flight (it unqueues its chats before committing them), and does not wait otherwise.
 */
import { describe, expect, it } from 'vitest';
import { silentLog } from '../../../sync-server/src/log';
import { startWorkLoop } from '../../../sync-server/src/work-loop';

const log = silentLog();

describe('work loop roundDone', () => {
  it('resolves after the round in flight, and at once when none runs', async () => {
    let finish: (() => void) | undefined;
    let rounds = 0;
    const loop = startWorkLoop({
      name: 'test',
      pollMs: 60_000,
      log,
      round: async () => {
        rounds += 1;
        if (rounds === 1) await new Promise<void>(r => (finish = r));
        return 0;
      },
    });
    await new Promise(r => setTimeout(r, 10));
    let done = false;
    const waiting = loop.roundDone().then(() => (done = true));
    await new Promise(r => setTimeout(r, 10));
    expect(done).toBe(false);
    finish?.();
    await waiting;
    expect(done).toBe(true);
    // The loop now sleeps (poll 60 s): nothing in flight, no round started.
    await loop.roundDone();
    expect(rounds).toBe(1);
    await loop.stop();
  });
});
