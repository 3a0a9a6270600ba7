import { afterEach, describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../../../common/ingest';
import { pushSchema } from '../../../common/protocol';
import { storeIngestSink } from '../../../main/core/adapters/ingest-sink';
import { createEventBus } from '../../../main/platform/event-bus';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore } from '../store/fixtures';

let store: Store;
afterEach(() => store?.close());

const message = (id: string, chatJid = '628123@c.us') => ({
  accountId: 'a1',
  chatJid,
  providerMessageId: id,
  fromMe: false,
  type: 'text' as const,
  body: `hello ${id}`,
  timestamp: 1_700_000_000_000,
});

function sinkForwardingTo(forwarded: IngestBatchInput[]) {
  store = memoryStore();
  addAccount(store, 'a1');
  return storeIngestSink(store, createEventBus(), silentLogger, { forward: b => forwarded.push(b) });
}

describe('the ingest sink forwards to the workspace', () => {
  it('what the store accepted only, so the server takes the push (one odd jid costs nothing else)', () => {
    const forwarded: IngestBatchInput[] = [];
    const sink = sinkForwardingTo(forwarded);
    sink.ingest({
      chats: [
        { accountId: 'a1', jid: '628123@c.us', isGroup: false, name: 'Customer' },
        { accountId: 'a1', jid: 'not a jid at all', isGroup: false, name: 'Odd' },
      ],
      messages: [message('m1'), message('m2', 'not a jid at all'), message('m3')],
    });
    expect(forwarded).toHaveLength(1);
    const batch = forwarded[0]!;
    expect(batch.chats?.map(c => c.jid)).toEqual(['628123@c.us']);
    expect(batch.messages?.map(m => m.providerMessageId)).toEqual(['m1', 'm3']);
    // The server's own schema takes it whole.
    expect(pushSchema.safeParse(batch).success).toBe(true);
  });

  it('counts as updated every stored message the batch changed, by a tick or an edit too', () => {
    const sink = sinkForwardingTo([]);
    expect(sink.ingest({ messages: [message('m1'), message('m2'), message('m3')] })).toMatchObject({
      inserted: 3,
      updated: 0,
    });
    // A repeat that changes nothing, a tick, an edit, and one new message.
    expect(
      sink.ingest({
        messages: [message('m1'), message('m4')],
        acks: [{ accountId: 'a1', providerMessageId: 'm2', ack: 'read' }],
        edits: [{ accountId: 'a1', providerMessageId: 'm3', body: 'fixed', editedAt: 1_700_000_060_000 }],
      }),
    ).toMatchObject({ inserted: 1, updated: 2 });
  });

  it('a batch the store took whole, as it came (no second validation pass)', () => {
    const forwarded: IngestBatchInput[] = [];
    const sink = sinkForwardingTo(forwarded);
    const batch = {
      chats: [{ accountId: 'a1', jid: '628123@c.us', isGroup: false, name: 'Customer' }],
      messages: [message('m1')],
    };
    sink.ingest(batch);
    expect(forwarded[0]).toBe(batch);
  });

  it('poll votes are forwarded to the workspace with their poll, and the push schema takes them', () => {
    const forwarded: IngestBatchInput[] = [];
    const sink = sinkForwardingTo(forwarded);
    sink.ingest({
      messages: [message('m1')],
      votes: [
        {
          accountId: 'a1',
          providerMessageId: 'm1',
          voterJid: '628555@c.us',
          options: ['Yes'],
          timestamp: 1_700_000_000_500,
        },
      ],
    });
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]?.votes?.map(v => v.options)).toEqual([['Yes']]);
    expect(forwarded[0]?.messages?.map(m => m.providerMessageId)).toEqual(['m1']);
    expect(pushSchema.safeParse(forwarded[0]).success).toBe(true);
  });
});
