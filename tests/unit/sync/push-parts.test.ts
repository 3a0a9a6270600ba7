import { describe, expect, it } from 'vitest';
import type { IngestBatchInput } from '../../../common/ingest';
import { pushParts } from '../../../main/sync/push';

const ACCOUNT = 'acc_1';
const message = (i: number) => ({
  accountId: ACCOUNT,
  chatJid: '628111@c.us',
  providerMessageId: `m${i}`,
  fromMe: false,
  type: 'text' as const,
  body: `message ${i}`,
  timestamp: 1_700_000_000_000 + i,
});
const ack = (i: number) => ({ accountId: ACCOUNT, providerMessageId: `m${i}`, ack: 'read' as const });
const reaction = (i: number) => ({
  accountId: ACCOUNT,
  providerMessageId: `m${i}`,
  senderJid: '628222@c.us',
  emoji: '👍',
  timestamp: 1_700_000_000_000 + i,
});

const sizeOf = (b: IngestBatchInput) =>
  Object.values(b).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);

describe('pushParts', () => {
  it('leaves a batch the server takes as it is', () => {
    const batch = { chats: [], messages: [message(1)], acks: [ack(1)] };
    expect(pushParts(batch, 10)).toEqual([{ messages: [message(1)], acks: [ack(1)] }]);
    expect(pushParts({}, 10)).toEqual([]);
  });

  it('cuts a large history batch into pushes of at most the limit, nothing lost or reordered', () => {
    const messages = Array.from({ length: 23 }, (_, i) => message(i));
    const acks = Array.from({ length: 5 }, (_, i) => ack(i));
    const reactions = Array.from({ length: 4 }, (_, i) => reaction(i));
    const parts = pushParts(
      {
        chats: [{ accountId: ACCOUNT, jid: '628111@c.us', isGroup: false, name: 'Customer' }],
        messages,
        acks,
        reactions,
      },
      10,
    );
    expect(parts.map(sizeOf)).toEqual([10, 10, 10, 3]);
    // Kinds keep the order the server applies them in: chats, messages, then their updates.
    expect(parts[0]!.chats).toHaveLength(1);
    expect(parts.flatMap(p => p.messages ?? [])).toEqual(messages);
    expect(parts.flatMap(p => p.acks ?? [])).toEqual(acks);
    expect(parts.flatMap(p => p.reactions ?? [])).toEqual(reactions);
    expect(parts.findIndex(p => p.acks?.length)).toBeGreaterThanOrEqual(parts.findLastIndex(p => p.messages?.length));
  });
});
