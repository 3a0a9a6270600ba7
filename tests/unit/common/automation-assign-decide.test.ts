import { describe, expect, it } from 'vitest';
import type { AssignmentCandidate } from '../../../common/automation/assignment/decide';
import { pickAssignee, planAssignments } from '../../../common/automation/assignment/decide';

const agent = (memberId: string, extra: Partial<AssignmentCandidate> = {}): AssignmentCandidate => ({
  memberId,
  online: true,
  active: true,
  openChats: 0,
  capacity: 50,
  ...extra,
});
const five = ['a1', 'a2', 'a3', 'a4', 'a5'].map(id => agent(id));

function spread(picks: ReadonlyArray<string | null>): Map<string, number> {
  const n = new Map<string, number>();
  for (const p of picks) if (p !== null) n.set(p, (n.get(p) ?? 0) + 1);
  return n;
}

describe('auto-assignment decision', () => {
  it('assigns nobody when the mode is off', () => {
    expect(pickAssignee({ mode: 'off', candidates: five, cursor: null })).toBeNull();
  });

  it('round-robin takes the next member after the cursor, wrapping, whatever order they come in', () => {
    const shuffled = [five[3]!, five[0]!, five[4]!, five[1]!, five[2]!];
    expect(pickAssignee({ mode: 'round_robin', candidates: shuffled, cursor: null })).toBe('a1');
    expect(pickAssignee({ mode: 'round_robin', candidates: shuffled, cursor: 'a2' })).toBe('a3');
    expect(pickAssignee({ mode: 'round_robin', candidates: shuffled, cursor: 'a5' })).toBe('a1');
    // The cursor's member went offline: the turn still passes to whoever follows them.
    expect(pickAssignee({ mode: 'round_robin', candidates: [agent('a1'), agent('a4')], cursor: 'a2' })).toBe('a4');
  });

  it('skips members who are offline, deactivated or at capacity', () => {
    const candidates = [
      agent('a1', { online: false }),
      agent('a2', { active: false }),
      agent('a3', { openChats: 50 }),
      agent('a4', { openChats: 49 }),
    ];
    expect(pickAssignee({ mode: 'round_robin', candidates, cursor: null })).toBe('a4');
    expect(pickAssignee({ mode: 'least_busy', candidates, cursor: null })).toBe('a4');
    expect(pickAssignee({ mode: 'round_robin', candidates: candidates.slice(0, 3), cursor: null })).toBeNull();
  });

  it('least-busy takes the member with the fewest open chats, ties in turn order', () => {
    const candidates = [agent('a1', { openChats: 3 }), agent('a2', { openChats: 1 }), agent('a3', { openChats: 1 })];
    expect(pickAssignee({ mode: 'least_busy', candidates, cursor: null })).toBe('a2');
    expect(pickAssignee({ mode: 'least_busy', candidates, cursor: 'a2' })).toBe('a3');
  });

  it('fairness: 1,000 chats among 5 online agents with capacity 50', () => {
    const { picks } = planAssignments({ mode: 'round_robin', candidates: five, cursor: null }, 1_000);
    // Spread within ±1 at every point on the way, not only at the end.
    for (let n = 1; n <= 250; n++) {
      const counts = [...spread(picks.slice(0, n)).values()];
      const min = counts.length === 5 ? Math.min(...counts) : 0;
      expect(Math.max(...counts) - min).toBeLessThanOrEqual(1);
    }
    const counts = spread(picks);
    expect([...counts.values()]).toEqual([50, 50, 50, 50, 50]);
    // The 251st chat onwards finds everyone full: they wait unassigned.
    expect(picks.slice(250).every(p => p === null)).toBe(true);
  });

  it('least-busy fills the emptiest first and never passes capacity', () => {
    const candidates = [agent('a1', { openChats: 40 }), agent('a2', { openChats: 10 }), agent('a3', { openChats: 45 })];
    const { picks } = planAssignments({ mode: 'least_busy', candidates, cursor: null }, 100);
    const counts = spread(picks);
    expect(counts.get('a1')).toBe(10);
    expect(counts.get('a2')).toBe(40);
    expect(counts.get('a3')).toBe(5);
    expect(picks.filter(p => p === null)).toHaveLength(45);
    expect(picks.slice(0, 30).every(p => p === 'a2')).toBe(true);
  });
});
