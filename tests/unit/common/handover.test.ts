import { describe, expect, it } from 'vitest';
import { handOverTargets, mayHandOver } from '../../../common/handover';

const on = { agentsMayHandOver: true };
const off = { agentsMayHandOver: false };

describe('mayHandOver', () => {
  it('leads and admins hand on any chat they see, whatever the rule', () => {
    for (const role of ['admin', 'lead'] as const) {
      expect(mayHandOver({ id: 'me', role }, { assigneeId: 'other' }, off)).toBe(true);
      expect(mayHandOver({ id: 'me', role }, { assigneeId: null }, off)).toBe(true);
    }
  });

  it('an agent only their own chat, and only while the rule is on', () => {
    const agent = { id: 'me', role: 'agent' } as const;
    expect(mayHandOver(agent, { assigneeId: 'me' }, on)).toBe(true);
    expect(mayHandOver(agent, { assigneeId: 'me' }, off)).toBe(false);
    expect(mayHandOver(agent, { assigneeId: 'other' }, on)).toBe(false);
    expect(mayHandOver(agent, { assigneeId: null }, on)).toBe(false);
  });
});

describe('handOverTargets', () => {
  it('active members of the number other than oneself', () => {
    const members = [
      { id: 'me', active: true },
      { id: 'colleague', active: true },
      { id: 'gone', active: false },
      { id: 'elsewhere', active: true },
    ];
    expect(handOverTargets(members, ['me', 'colleague', 'gone'], 'me').map(m => m.id)).toEqual(['colleague']);
  });
});
