import { describe, expect, it } from 'vitest';
import type { SyncEvent, WireMessage } from '../../../common/protocol';
import { MAX_FACTS_PER_PACKET, MAX_MESSAGES_PER_PACKET } from '../../../common/protocol';
import type { SyncServer } from '../../../sync-server/src/handlers/context';
import type { Delivery } from '../../../sync-server/src/handlers/rooms';
import { publishEvents } from '../../../sync-server/src/handlers/rooms';

type Sent = { to: string[]; except: string | null; facts: SyncEvent[] };

/** Records every broadcast the way publishEvents makes it: to(rooms)[.except(room)].emit(name, facts). */
function fakeIo(): { io: SyncServer; sent: Sent[] } {
  const sent: Sent[] = [];
  const target = (to: string[], except: string | null) => ({
    except: (room: string) => target(to, room),
    emit: (name: string, facts: SyncEvent[]) => {
      expect(name).toBe('sync:facts');
      sent.push({ to, except, facts });
      return true;
    },
  });
  return { io: { to: (rooms: string[]) => target(rooms, null) } as unknown as SyncServer, sent };
}

const message = (i: number) => ({ providerMessageId: `m${i}` }) as WireMessage;
const messages = (seq: number, chat: string, n: number, originDevice: string | null = 'host'): Delivery => ({
  event: { type: 'messages:upserted', chatId: chat, messages: Array.from({ length: n }, (_, i) => message(i)), seq },
  audience: 'chat',
  accountId: 'a',
  memberId: null,
  assigneeId: null,
  originDevice,
});
const assigned = (seq: number, chat: string, assigneeId: string): Delivery => ({
  ...messages(seq, chat, 1, null),
  assigneeId,
});
const seqs = (s: Sent) => s.facts.map(f => f.seq);

describe('live packets (sync:facts)', () => {
  it('sends consecutive facts with the same audience as one packet', () => {
    const { io, sent } = fakeIo();
    publishEvents(io, [messages(1, 'c1', 10), messages(2, 'c2', 10), messages(3, 'c3', 10)]);
    expect(sent).toHaveLength(1);
    expect(seqs(sent[0]!)).toEqual([1, 2, 3]);
    expect(sent[0]!.to).toEqual(['admins', 'acct:a:lead', 'acct:a:pool']);
    expect(sent[0]!.except).toBe('device:host');
  });

  it('starts a new packet when the audience or the left-out device changes, keeping seq order', () => {
    const { io, sent } = fakeIo();
    publishEvents(io, [
      messages(1, 'c1', 1),
      assigned(2, 'c2', 'm-7'),
      messages(3, 'c3', 1),
      messages(4, 'c4', 1, null),
    ]);
    expect(sent.map(seqs)).toEqual([[1], [2], [3], [4]]);
    expect(sent[1]!.to).toContain('acct:a:m:m-7');
    expect(sent[3]!.except).toBeNull();
  });

  it('bounds a packet by facts and by messages', () => {
    const { io, sent } = fakeIo();
    const many = Array.from({ length: MAX_FACTS_PER_PACKET + 1 }, (_, i) => messages(i + 1, `c${i}`, 0));
    publishEvents(io, many);
    expect(sent.map(s => s.facts.length)).toEqual([MAX_FACTS_PER_PACKET, 1]);

    const big = fakeIo();
    const perFact = MAX_MESSAGES_PER_PACKET / 2;
    publishEvents(big.io, [messages(1, 'c1', perFact), messages(2, 'c2', perFact), messages(3, 'c3', 1)]);
    expect(big.sent.map(seqs)).toEqual([[1, 2], [3]]);
  });

  it('sends nothing for a fact without an audience', () => {
    const { io, sent } = fakeIo();
    publishEvents(io, [{ ...messages(1, 'c1', 1), audience: 'member', memberId: null }]);
    expect(sent).toHaveLength(0);
  });
});
