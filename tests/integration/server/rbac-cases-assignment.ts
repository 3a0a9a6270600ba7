/** RBAC rows of auto-assignment settings: admins every number, leads the numbers they are on, agents nothing. */
import type { Case } from './rbac-world';
import { only, w } from './rbac-world';

const settings = (accountId: string) => ({
  accountId,
  mode: 'round_robin',
  reassignAfterMinutes: null,
  slaMinutes: 30,
  capacities: [],
});

export const assignmentCases: Case[] = [
  { cmd: 'assignment:get', scope: 'own', args: () => ({ accountId: w.A.accountId }), expect: only(['admin', 'lead']) },
  {
    cmd: 'assignment:get',
    scope: 'other-account',
    args: () => ({ accountId: w.B.accountId }),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  { cmd: 'assignment:update', scope: 'own', args: () => settings(w.A.accountId), expect: only(['admin', 'lead']) },
  {
    cmd: 'assignment:update',
    scope: 'other-account',
    args: () => settings(w.B.accountId),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  {
    cmd: 'assignment:update',
    scope: 'other-workspace',
    args: () => settings('ghost-account'),
    expect: { admin: 'not_found', lead: 'not_found', agent: 'forbidden' },
  },
];
