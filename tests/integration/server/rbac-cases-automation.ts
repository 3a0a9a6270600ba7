/** RBAC rows of automation: admins every number, leads the numbers they are on, agents nothing. */
import type { Case } from './rbac-world';
import { all, only, w } from './rbac-world';

const settings = (accountId: string) => ({
  accountId,
  hours: null,
  away: { enabled: false, text: 'Closed' },
  greeting: { enabled: false, text: 'Hi', idleHours: 24 },
});

export const automationCases: Case[] = [
  { cmd: 'automation:get', scope: 'own', args: () => ({ accountId: w.A.accountId }), expect: only(['admin', 'lead']) },
  {
    cmd: 'automation:get',
    scope: 'other-account',
    args: () => ({ accountId: w.B.accountId }),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  { cmd: 'automation:update', scope: 'own', args: () => settings(w.A.accountId), expect: only(['admin', 'lead']) },
  {
    cmd: 'automation:update',
    scope: 'other-account',
    args: () => settings(w.B.accountId),
    expect: { admin: 'ok', lead: 'not_found', agent: 'forbidden' },
  },
  {
    cmd: 'automation:update',
    scope: 'other-workspace',
    args: () => settings('ghost-account'),
    expect: { admin: 'not_found', lead: 'not_found', agent: 'forbidden' },
  },
  // Every member sees whether the numbers they see are open now.
  { cmd: 'automation:hours', scope: 'own', args: () => ({}), expect: all('ok') },
];
