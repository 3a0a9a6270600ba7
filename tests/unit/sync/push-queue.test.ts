import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';
import { createPushQueue } from '../../../main/sync/push';
import { NOT_ACCOUNT_MEMBER, PUSH_WINDOW } from '../../../common/protocol';
import { CommandError } from '../../../common/result';

/** A queued row too big to share a push with the next one (2,000 items per push). */
const row = (n: number) => ({
  acks: Array.from({ length: 1_200 }, (_, i) => ({
    accountId: 'a1',
    providerMessageId: `r${n}-${i}`,
    ack: 'read' as const,
  })),
});
const rowOf = (payload: unknown) =>
  Number(/^r(\d+)-/.exec((payload as { acks: { providerMessageId: string }[] }).acks[0]!.providerMessageId)![1]);

type Answer = (payload: unknown) => Promise<unknown>;

let store: Store;
afterEach(() => store?.close());

function queueWith(rows: number, answer: Answer) {
  store = openStore({ file: ':memory:', checkpointEveryMs: 0 });
  for (let n = 1; n <= rows; n++) store.enqueuePush(row(n));
  const sent: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const queue = createPushQueue({
    store,
    push: async payload => {
      sent.push(rowOf(payload));
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      try {
        return await answer(payload);
      } finally {
        inFlight--;
      }
    },
    isConnected: () => true,
    signedIn: () => false, // no timers: the test drives each pass
    log: silentLogger,
    onPassDone: () => undefined,
  });
  return { queue, sent, maxInFlight: () => maxInFlight };
}

const later = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('push queue', () => {
  it(`keeps ${PUSH_WINDOW} batches in flight, sends them in queue order and empties the queue`, async () => {
    const { queue, sent, maxInFlight } = queueWith(5, async () => later(5));
    await queue.flush();
    expect(sent).toEqual([1, 2, 3, 4, 5]);
    expect(maxInFlight()).toBe(PUSH_WINDOW);
    expect(store.countPush()).toBe(0);
  });

  it('after a failure keeps everything from the failed batch on and resends from it', async () => {
    let failOnce = true;
    const { queue, sent } = queueWith(4, async payload => {
      await later(5);
      if (rowOf(payload) === 2 && failOnce) {
        failOnce = false;
        throw new CommandError('unavailable', 'database restarting');
      }
      return null;
    });
    await queue.flush();
    // Row 1 landed; row 2 failed; row 3 was in flight behind it and stays queued.
    expect(sent).toEqual([1, 2, 3]);
    expect(store.countPush()).toBe(3);
    await queue.flush();
    expect(sent).toEqual([1, 2, 3, 2, 3, 4]);
    expect(store.countPush()).toBe(0);
  });

  it('drops only a batch the server refuses as invalid, and goes on', async () => {
    const { queue, sent } = queueWith(3, async payload => {
      if (rowOf(payload) === 1) throw new CommandError('invalid_args', 'bad batch');
      return null;
    });
    await queue.flush();
    expect(sent).toEqual([1, 2, 3]);
    expect(store.countPush()).toBe(0);
  });

  it('drops a batch of a number whose member was removed from it, and goes on with the others', async () => {
    const { queue, sent } = queueWith(3, async payload => {
      if (rowOf(payload) === 2) throw new CommandError('forbidden', 'removed', NOT_ACCOUNT_MEMBER);
      return null;
    });
    await queue.flush();
    expect(sent).toEqual([1, 2, 3]);
    expect(store.countPush()).toBe(0);
  });
});
