/** The pieces between an account's process and the store: the channel and the batcher. */
import { describe, expect, it } from 'vitest';
import { createIngestBatcher } from '../../../main/accounts/ingest-batcher';
import { childToMainSchema, mainToChildSchema } from '../../../main/accounts/protocol';
import type { ChildToMain } from '../../../main/accounts/protocol';
import { runAccountRuntime } from '../../../main/accounts/runtime/host';
import { MemoryStore } from '../../helpers/accounts/memory-store';
import { waitFor } from '../../helpers/accounts/wait';

const message = (n: number) => ({
  accountId: 'acc_1',
  chatJid: '628111@c.us',
  providerMessageId: `m${n}`,
  fromMe: false,
  type: 'text' as const,
  body: `hello ${n}`,
  timestamp: Date.UTC(2026, 10, 1) + n,
});

describe('main↔child channel', () => {
  it('refuses what a child must not send', () => {
    const bad = [
      null,
      { t: 'event', event: { kind: 'message', message: { ...message(1), timestamp: 1 } } }, // seconds, not ms
      { t: 'event', event: { kind: 'status', status: { state: 'ready', phone: '+62 812' } } },
      { t: 'batch', seq: 1, batch: { messages: Array.from({ length: 5001 }, (_, i) => message(i)) } },
      { t: 'pong', id: 1, rssBytes: -5 },
      { t: 'shell', cmd: 'rm -rf /' },
    ];
    for (const raw of bad) expect(childToMainSchema.safeParse(raw).success).toBe(false);
    expect(
      childToMainSchema.safeParse({ t: 'event', event: { kind: 'message', message: message(1) }, at: Date.now() })
        .success,
    ).toBe(true);
  });

  it('fills runtime defaults and rejects ids that could escape the session folder', () => {
    const start = mainToChildSchema.parse({
      t: 'start',
      config: { accountId: 'acc_1', provider: 'simulator', dataDir: '/tmp/x', simulator: { seed: 1, epochMs: 0 } },
    });
    expect(start).toMatchObject({
      config: { simulator: { chatterIntervalMs: 20_000, qrScanDelayMs: 3_000, ready: 'normal' } },
    });
    const escape = { t: 'start', config: { accountId: '../../etc', provider: 'webjs', dataDir: '/tmp/x' } };
    expect(mainToChildSchema.safeParse(escape).success).toBe(false);
  });

  it('the runtime ignores malformed commands and reports a provider that cannot start', async () => {
    const sent: ChildToMain[] = [];
    let onMessage: (raw: unknown) => void = () => undefined;
    runAccountRuntime(
      {
        send: m => void sent.push(m),
        onMessage: cb => void (onMessage = cb),
        exit: () => undefined,
        rssBytes: () => 1,
      },
      async () => {
        throw new Error('browser missing');
      },
    );
    onMessage({ t: 'nonsense' });
    onMessage({ t: 'start', config: { accountId: 'acc_1', provider: 'webjs', dataDir: '/tmp/x' } });
    await waitFor('a status', () => sent.find(m => m.t === 'event'));
    expect(sent[0]).toMatchObject({ t: 'log', level: 'warn' });
    expect(sent.find(m => m.t === 'event')).toMatchObject({
      event: {
        kind: 'status',
        status: { state: 'failed', action: 'reconnect', reason: 'Could not start: browser missing' },
      },
    });
  });
});

describe('ingest batcher', () => {
  it('groups events of one turn into one store call, closes a batch at the size cap, and keeps order with bulk batches', async () => {
    const store = new MemoryStore();
    const batcher = createIngestBatcher(
      store,
      err => {
        throw err;
      },
      { maxItems: 3 },
    );
    batcher.add({ kind: 'message', message: message(1) });
    batcher.add({ kind: 'ack', ack: { accountId: 'acc_1', providerMessageId: 'm1', ack: 'read' } });
    expect(store.ingestCalls).toBe(0);
    await new Promise(r => setImmediate(r));
    expect(store.ingestCalls).toBe(1);
    expect(store.message('acc_1', 'm1')?.ack).toBe('read');
    for (const n of [2, 3, 4]) batcher.add({ kind: 'message', message: message(n) });
    expect(store.ingestCalls).toBe(1);
    await new Promise(r => setImmediate(r));
    expect(store.ingestCalls).toBe(2); // the cap of 3 closed that batch; the 4th waits for the next
    batcher.add({ kind: 'message', message: message(5) });
    batcher.addBatch({
      edits: [{ accountId: 'acc_1', providerMessageId: 'm5', body: 'edited', editedAt: Date.UTC(2026, 10, 2) }],
    });
    expect(store.message('acc_1', 'm5')).toMatchObject({ body: 'edited', edited: true });
  });

  it('stores queued catch-up batches one per turn, in arrival order with live events, and says when each is stored', async () => {
    const store = new MemoryStore();
    const batcher = createIngestBatcher(store, err => {
      throw err;
    });
    const stored: string[] = [];
    batcher.queueBatch({ messages: [message(1)] }, () => stored.push('b1'));
    // An ack that arrived after the batch holding its message must not be applied first.
    batcher.add({ kind: 'ack', ack: { accountId: 'acc_1', providerMessageId: 'm1', ack: 'read' } });
    batcher.queueBatch({ messages: [message(2)] }, () => stored.push('b2'));
    expect(store.ingestCalls).toBe(0);
    await new Promise(r => setImmediate(r));
    // One batch per turn: whatever else is waiting on the loop (a renderer call) goes between.
    expect(stored).toEqual(['b1']);
    expect(store.ingestCalls).toBe(1);
    await new Promise(r => setImmediate(r));
    await new Promise(r => setImmediate(r));
    expect(stored).toEqual(['b1', 'b2']);
    expect(store.ingestCalls).toBe(3);
    expect(store.message('acc_1', 'm1')?.ack).toBe('read');
  });

  it('stores a live message ahead of queued catch-up, while an ack keeps its place behind the batch', async () => {
    const store = new MemoryStore();
    const calls: string[] = [];
    const sink = store.spiedSink(batch => {
      calls.push(
        [
          ...(batch.messages ?? []).map(m => m.providerMessageId),
          ...(batch.acks ?? []).map(a => `ack:${a.providerMessageId}`),
        ].join(','),
      );
    });
    const batcher = createIngestBatcher(sink, err => {
      throw err;
    });
    batcher.queueBatch({ messages: [message(1)] }, () => undefined);
    batcher.queueBatch({ messages: [message(2)] }, () => undefined);
    batcher.add({ kind: 'ack', ack: { accountId: 'acc_1', providerMessageId: 'm2', ack: 'read' } });
    batcher.add({ kind: 'message', message: message(9) });
    for (let i = 0; i < 4; i++) await new Promise(r => setImmediate(r));
    expect(calls).toEqual(['m9', 'm1', 'm2', 'ack:m2']);
    expect(store.message('acc_1', 'm2')?.ack).toBe('read');
  });

  it('keeps a live message ahead when a catch-up batch arrives right after it in the same read', async () => {
    const store = new MemoryStore();
    const calls: string[] = [];
    const sink = store.spiedSink(batch => {
      calls.push(
        [
          ...(batch.messages ?? []).map(m => m.providerMessageId),
          ...(batch.acks ?? []).map(a => `ack:${a.providerMessageId}`),
        ].join(','),
      );
    });
    const batcher = createIngestBatcher(sink, err => {
      throw err;
    });
    batcher.queueBatch({ messages: [message(1)] }, () => undefined);
    batcher.add({ kind: 'message', message: message(9) });
    batcher.add({ kind: 'ack', ack: { accountId: 'acc_1', providerMessageId: 'm1', ack: 'read' } });
    // Before the fix this batch pushed m9 behind b1 (and everything queued before it).
    batcher.queueBatch({ messages: [message(2)] }, () => undefined);
    for (let i = 0; i < 4; i++) await new Promise(r => setImmediate(r));
    // The live message first; the ack keeps its place between the two batches.
    expect(calls).toEqual(['m9', 'm1', 'ack:m1', 'm2']);
    expect(store.message('acc_1', 'm1')?.ack).toBe('read');
    expect(store.message('acc_1', 'm9')).toBeDefined();
  });

  it('stores a large catch-up batch a slice per turn: names first, updates and done with the last slice', async () => {
    const store = new MemoryStore();
    const sizes: number[] = [];
    const sink = store.spiedSink(batch => {
      sizes.push((batch.messages ?? []).length + (batch.contacts ?? []).length + (batch.acks ?? []).length);
    });
    const batcher = createIngestBatcher(
      sink,
      err => {
        throw err;
      },
      { sliceMessages: 2 },
    );
    let done = 0;
    batcher.queueBatch(
      {
        contacts: [{ accountId: 'acc_1', jid: '628111@c.us', name: 'Budi' }],
        messages: [message(1), message(2), message(3), message(4), message(5)],
        acks: [{ accountId: 'acc_1', providerMessageId: 'm5', ack: 'read' }],
      },
      () => (done += 1),
    );
    await new Promise(r => setImmediate(r));
    expect(sizes).toEqual([3]); // the contact and two messages
    expect(done).toBe(0);
    await new Promise(r => setImmediate(r));
    await new Promise(r => setImmediate(r));
    expect(sizes).toEqual([3, 2, 2]); // the last slice: one message and its ack
    expect(done).toBe(1);
    expect(store.message('acc_1', 'm5')?.ack).toBe('read');
  });

  it('shrinks the slices of a catch-up batch when storing them costs more CPU than the budget', async () => {
    const store = new MemoryStore();
    const sizes: number[] = [];
    /** Burns `ms` of this process's CPU time (wall time would depend on the machine's load). */
    const burn = (ms: number) => {
      const from = process.cpuUsage();
      for (;;) {
        const used = process.cpuUsage(from);
        if ((used.user + used.system) / 1000 >= ms) return;
      }
    };
    const sink = store.spiedSink(batch => {
      const n = (batch.messages ?? []).length;
      sizes.push(n);
      burn(n * 0.5); // half a millisecond a message: 24 fit a 12 ms budget
    });
    const batcher = createIngestBatcher(
      sink,
      err => {
        throw err;
      },
      { sliceMessages: 100, sliceBudgetMs: 12 },
    );
    let done = 0;
    batcher.queueBatch({ messages: Array.from({ length: 160 }, (_, i) => message(i)) }, () => (done += 1));
    while (done === 0) await new Promise(r => setImmediate(r));
    expect(sizes[0]).toBe(100); // nothing measured yet: the full slice
    expect(sizes[1]).toBeGreaterThanOrEqual(20);
    expect(sizes[1]).toBeLessThanOrEqual(24);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(160);
    expect(store.message('acc_1', 'm159')).toBeDefined();
  });

  it('flush stores everything queued at once (closing the app loses nothing)', () => {
    const store = new MemoryStore();
    const batcher = createIngestBatcher(store, err => {
      throw err;
    });
    let done = 0;
    batcher.queueBatch({ messages: [message(1)] }, () => (done += 1));
    batcher.add({ kind: 'message', message: message(2) });
    batcher.flush();
    expect(done).toBe(1);
    expect(store.message('acc_1', 'm2')).toBeDefined();
  });
});
