import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../main/platform/log';
import { createQueueDrain } from '../../../main/sync/queue-drain';

function queueOf(items: string[], online = () => true) {
  const sent: string[] = [];
  let release: (() => void) | null = null;
  const drain = createQueueDrain<string>({
    next: () => items[0] ?? null,
    sendOne: async item => {
      await new Promise<void>(r => (release = r));
      sent.push(item);
      items.shift();
      return true;
    },
    isOnline: online,
    log: silentLogger,
    what: 'test queue',
    retryMs: 1_000,
  });
  const step = async () => {
    while (!release) await new Promise(r => setImmediate(r));
    const r = release as () => void;
    release = null;
    r();
    await new Promise(r2 => setImmediate(r2));
  };
  return { drain, sent, step };
}

describe('queue drain', () => {
  it('sends oldest first, one at a time; a flush during a pass shares it and picks up what was queued meanwhile', async () => {
    const items = ['a'];
    const { drain, sent, step } = queueOf(items);
    const first = drain.flush();
    items.push('b');
    const second = drain.flush();
    expect(second).toBe(first);
    await step();
    await step();
    await first;
    expect(sent).toEqual(['a', 'b']);
  });

  it('sends nothing while offline, and one retry however often it is asked', async () => {
    vi.useFakeTimers();
    try {
      let online = false;
      const calls: string[] = [];
      const drain = createQueueDrain<string>({
        next: () => 'x',
        sendOne: async item => {
          calls.push(item);
          return false;
        },
        isOnline: () => online,
        log: silentLogger,
        what: 'test queue',
        retryMs: 1_000,
      });
      await drain.flush();
      expect(calls).toEqual([]);
      online = true;
      drain.scheduleRetry();
      drain.scheduleRetry();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(calls).toEqual(['x']);
      drain.scheduleRetry();
      drain.close();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(calls).toEqual(['x']);
    } finally {
      vi.useRealTimers();
    }
  });
});
