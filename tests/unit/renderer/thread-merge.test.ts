import { describe, expect, it } from 'vitest';
import { mergeMessage } from '../../../renderer/src/lib/thread-merge';

type Row = { id: string; clientMessageId: string | null; timestamp: number; body: string };
const row = (id: string, clientMessageId: string | null, timestamp: number, body = id): Row => ({
  id,
  clientMessageId,
  timestamp,
  body,
});

describe('merging a live message into a thread', () => {
  it('replaces the optimistic row by its stored copy (same client id)', () => {
    const list = [row('a', null, 1), row('local:c1', 'c1', 2)];
    const out = mergeMessage(list, row('acc:P', 'c1', 2), true);
    expect(out?.map(r => r.id)).toEqual(['a', 'acc:P']);
  });

  it('keeps one row when the echo came first and the adopted row matches both (no id twice)', () => {
    // The optimistic row (client id c1), then the echo stored on its own (no client id yet).
    const list = [row('local:c1', 'c1', 2), row('b', null, 3), row('acc:P', null, 4)];
    const out = mergeMessage(list, row('acc:P', 'c1', 4, 'adopted'), true);
    expect(out?.map(r => r.id)).toEqual(['b', 'acc:P']);
    expect(out?.find(r => r.id === 'acc:P')?.body).toBe('adopted');
    // Merged again (its next ack): still once.
    expect(mergeMessage(out!, row('acc:P', 'c1', 4), true)?.map(r => r.id)).toEqual(['b', 'acc:P']);
  });

  it('updates in place by id when the message has no client id', () => {
    const list = [row('a', null, 1), row('b', null, 2)];
    expect(mergeMessage(list, row('a', null, 1, 'edited'), true)?.map(r => r.body)).toEqual(['edited', 'b']);
  });

  it('appends a new message in time order, or leaves a thread scrolled back alone', () => {
    const list = [row('a', null, 1), row('c', null, 3)];
    expect(mergeMessage(list, row('b', null, 2), true)?.map(r => r.id)).toEqual(['a', 'b', 'c']);
    expect(mergeMessage(list, row('d', null, 4), true)?.map(r => r.id)).toEqual(['a', 'c', 'd']);
    expect(mergeMessage(list, row('d', null, 4), false)).toBeNull();
  });
});
