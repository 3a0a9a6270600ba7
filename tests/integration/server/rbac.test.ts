/**
 * Every role × every command, against the member's own account, another account of the
 * workspace and ids that exist nowhere (another workspace's). Adding a command without a
 * row here fails the coverage test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../common/protocol';
import { call } from './harness';
import { chatCases } from './rbac-cases-chats';
import { teamCases } from './rbac-cases-team';
import { automationCases } from './rbac-cases-automation';
import { ruleCases } from './rbac-cases-rules';
import { webhookCases } from './rbac-cases-webhooks';
import { cloudCases } from './rbac-cases-cloud';
import { changeCases } from './rbac-cases-changes';
import { assignmentCases } from './rbac-cases-assignment';
import { setUpWorld, w } from './rbac-world';
const cases = [
  ...chatCases,
  ...teamCases,
  ...automationCases,
  ...ruleCases,
  ...webhookCases,
  ...cloudCases,
  ...changeCases,
  ...assignmentCases,
];

beforeAll(setUpWorld);
afterAll(async () => {
  await w.stack?.stop();
});

describe('RBAC matrix', () => {
  it('covers every command', () => {
    const covered = new Set(cases.map(c => c.cmd));
    expect(COMMAND_NAMES.filter(n => !covered.has(n))).toEqual([]);
  });

  for (const role of ['admin', 'lead', 'agent'] as const) {
    for (const c of cases) {
      it(`${role} ${c.cmd} (${c.scope}) → ${c.expect[role]}`, async () => {
        const d = w.devices[role];
        const args = await c.args({ role, socket: d.socket, memberId: d.id });
        const reply = await call(d.socket, c.cmd, args);
        expect(reply.ok ? 'ok' : reply.error.code).toBe(c.expect[role]);
      });
    }
  }
});
