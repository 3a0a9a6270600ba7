import { describe, expect, it } from 'vitest';
import { recentIds } from '../../../main/sync/recent-ids';

describe('recent ids (a relay’s memory of what it performed)', () => {
  it('forgets the oldest past its limit, and keeps an id seen again as new', () => {
    const ids = recentIds(3);
    for (const id of ['a', 'b', 'c']) ids.add(id);
    ids.add('a'); // seen again: now the newest
    ids.add('d'); // over the limit: 'b' goes, not 'a'
    expect(['a', 'b', 'c', 'd'].map(id => ids.has(id))).toEqual([true, false, true, true]);
    expect(ids.size).toBe(3);
  });

  it('stays bounded however many ids a long run relays', () => {
    const ids = recentIds(1_000);
    for (let i = 0; i < 50_000; i++) ids.add(`send-${i}`);
    expect(ids.size).toBe(1_000);
    expect(ids.has('send-49999')).toBe(true);
    expect(ids.has('send-0')).toBe(false);
    ids.delete('send-49999');
    expect(ids.has('send-49999')).toBe(false);
  });
});
