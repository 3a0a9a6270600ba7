/**
 * Head-of-line blocking between an account's process and the core (issue #24,
 * accounts.ingest_to_event): history crosses the pipe in bounded chunks, a live message that
 * fell due meanwhile goes first, and the core validates catch-up items a slice at a time.
 */
import { describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../../../common/ingest';
import { createIngestBatcher } from '../../../main/accounts/ingest-batcher';
import { childToMainSchema } from '../../../main/accounts/protocol';
import type { ChildToMain } from '../../../main/accounts/protocol';
import type { ProviderEvent } from '../../../main/accounts/provider';
import type { ControllableProvider } from '../../../main/accounts/runtime/host';
import { chunksOf, runAccountRuntime } from '../../../main/accounts/runtime/host';
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
const contact = { accountId: 'acc_1', jid: '628111@c.us', name: 'Budi' };
const reaction = {
  accountId: 'acc_1',
  providerMessageId: 'm0',
  senderJid: '628111@c.us',
  emoji: '👍',
  timestamp: Date.UTC(2026, 10, 2),
};

/** Burns `ms` of wall time on the thread, like a provider building a large batch. */
const busy = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

describe('history on the pipe', () => {
  it('cuts a batch into chunks: names with the first, updates with the last, every message once', () => {
    const batch: IngestBatchInput = {
      contacts: [contact],
      messages: Array.from({ length: 120 }, (_, i) => message(i)),
      reactions: [reaction],
    };
    const chunks = chunksOf(batch, 50);
    expect(chunks.map(c => c.messages?.length)).toEqual([50, 50, 20]);
    expect(chunks[0]?.contacts).toEqual([contact]);
    expect(chunks.slice(1).flatMap(c => c.contacts ?? [])).toEqual([]);
    expect(chunks.slice(0, 2).flatMap(c => c.reactions ?? [])).toEqual([]);
    expect(chunks[2]?.reactions).toEqual([reaction]);
    expect(chunks.flatMap(c => c.messages ?? []).map(m => m.providerMessageId)).toEqual(
      batch.messages?.map(m => m.providerMessageId),
    );
    expect(chunksOf({ contacts: [contact] }, 50)).toEqual([{ contacts: [contact] }]);
  });

  it('sends a live message that fell due while history was built ahead of that history, and chunks within the window', async () => {
    const sent: ChildToMain[] = [];
    let toRuntime: (raw: unknown) => void = () => undefined;
    let listener: (e: ProviderEvent) => void = () => undefined;
    const provider = {
      start: async () => undefined,
      stop: async () => undefined,
      logout: async () => undefined,
      probe: async () => undefined,
      request: async () => {
        throw new Error('not used');
      },
      onEvent(l: (e: ProviderEvent) => void) {
        listener = l;
        return () => undefined;
      },
      async catchUp(_marks: ReadonlyMap<string, number>, send: (b: IngestBatchInput) => Promise<void>) {
        // A customer's message falls due while the batch is being built.
        setTimeout(() => listener({ kind: 'message', message: message(999) }), 1);
        busy(15);
        await send({ contacts: [contact], messages: Array.from({ length: 120 }, (_, i) => message(i)) });
        return { chats: 1, messages: 120 };
      },
    } satisfies ControllableProvider;
    runAccountRuntime(
      {
        send: m => void sent.push(m),
        onMessage: cb => void (toRuntime = cb),
        exit: () => undefined,
        rssBytes: () => 1,
      },
      async () => provider,
    );
    toRuntime({ t: 'start', config: { accountId: 'acc_1', provider: 'simulator', dataDir: '/tmp/x' } });
    await new Promise(r => setTimeout(r, 10)); // the provider loads and starts
    toRuntime({ t: 'catch_up', watermarks: [] });
    await waitFor('two chunks in flight', () => sent.filter(m => m.t === 'batch').length === 2);
    await new Promise(r => setTimeout(r, 20));
    const kinds = sent.map(m => (m.t === 'batch' ? `batch:${m.batch.messages?.length ?? 0}` : m.t));
    // Before: the whole batch of 120 went first, the live message behind it.
    expect(kinds).toEqual(['event', 'batch:50', 'batch:50']);
    toRuntime({ t: 'batch_ack', seq: 1 });
    await waitFor('the last chunk', () => sent.filter(m => m.t === 'batch').length === 3);
    const last = sent.filter(m => m.t === 'batch').at(-1);
    expect(last?.t === 'batch' && last.batch.messages?.length).toBe(20);
  });
});

describe('catch-up validation in the core', () => {
  it('takes a batch with an invalid item at the boundary, stores the rest and acknowledges it', async () => {
    const bad = { ...message(2), timestamp: 5 }; // seconds, not ms
    const raw = { t: 'batch', seq: 1, batch: { messages: [message(1), bad, message(3)] } };
    const parsed = childToMainSchema.safeParse(raw);
    // Before: the whole batch was refused (and never acknowledged, so the child's window stalled).
    expect(parsed.success).toBe(true);
    if (!parsed.success || parsed.data.t !== 'batch') return;
    const store = new MemoryStore();
    const errors: unknown[] = [];
    const batcher = createIngestBatcher(store, err => errors.push(err));
    let done = 0;
    batcher.queueBatch(parsed.data.batch, () => (done += 1));
    while (done === 0) await new Promise(r => setImmediate(r));
    expect(store.message('acc_1', 'm1')).toBeDefined();
    expect(store.message('acc_1', 'm3')).toBeDefined();
    expect(store.message('acc_1', 'm2')).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('validates a catch-up batch a slice at a time, not on arrival', async () => {
    const raw = { t: 'batch', seq: 1, batch: { messages: [message(1), { ...message(2), type: 'nonsense' }] } };
    const parsed = childToMainSchema.safeParse(raw);
    expect(parsed.success).toBe(true);
    if (!parsed.success || parsed.data.t !== 'batch') return;
    const store = new MemoryStore();
    const errors: unknown[] = [];
    const batcher = createIngestBatcher(store, err => errors.push(err), { sliceMessages: 1 });
    batcher.queueBatch(parsed.data.batch, () => undefined);
    expect(errors).toHaveLength(0);
    await new Promise(r => setImmediate(r));
    // The first slice held only the valid message: nothing refused yet.
    expect(store.message('acc_1', 'm1')).toBeDefined();
    expect(errors).toHaveLength(0);
    await new Promise(r => setImmediate(r));
    expect(errors).toHaveLength(1);
  });
});
