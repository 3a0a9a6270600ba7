/**
 * The audit row of `assignment:update` (#17): settings plus only the capacities the save
 * changed, so a number with 1,000 members still fits the audit column (the full list did not,
 * and the save failed with `internal` in the assignment benchmark at full scale).
 */
import { describe, expect, it } from 'vitest';
import type { WireAssignment } from '../../../common/protocol-assignment';
import { assignmentAudit } from '../../../sync-server/src/automation/assignment/handlers';

const base = (capacities: WireAssignment['capacities']): WireAssignment => ({
  accountId: 'a',
  mode: 'off',
  reassignAfterMinutes: null,
  slaMinutes: null,
  capacities,
  updatedAt: null,
  updatedBy: null,
});

const member = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

describe('assignment audit row', () => {
  it('keeps the settings and only the changed capacities', () => {
    const before = base([
      { memberId: member(1), capacity: 20 },
      { memberId: member(2), capacity: 20 },
    ]);
    const after = {
      ...base([
        { memberId: member(1), capacity: 5 },
        { memberId: member(2), capacity: 20 },
      ]),
      mode: 'round_robin' as const,
    };
    const audit = assignmentAudit(before, after);
    expect(audit.before.assignment.mode).toBe('off');
    expect(audit.after.assignment.mode).toBe('round_robin');
    expect(audit.before.assignment.capacities).toEqual([{ memberId: member(1), capacity: 20 }]);
    expect(audit.after.assignment.capacities).toEqual([{ memberId: member(1), capacity: 5 }]);
  });

  it('stays small for a number with 1,000 members when only the mode changes', () => {
    const capacities = Array.from({ length: 1_000 }, (_, i) => ({ memberId: member(i), capacity: 20 }));
    const audit = assignmentAudit(base(capacities), { ...base(capacities), mode: 'least_busy' });
    expect(JSON.stringify(audit.after).length).toBeLessThan(1_000);
    expect(audit.after.assignment.capacities).toEqual([]);
  });
});
