/**
 * The read a push makes on the pool before its turn (db/repositories/automation-on.ts): which
 * of its numbers have auto-assignment, the first-response clock or automated replies on, and
 * whether any rule is stored. The push skips a step's read inside its turn only where this
 * found it off, so a number it misses would lose its automation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anyOn, automationOn } from '../../../sync-server/src/db/repositories/automation-on';
import type { Stack } from './harness';
import { startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const sorted = (s: ReadonlySet<string>) => [...s].sort();

describe('automationOn', () => {
  it('finds each number with a step on, and only the numbers asked about', async () => {
    const raw = stack.node.app.database.raw;
    const none = await automationOn(raw, ['on-a', 'on-b']);
    expect([sorted(none.assigns), sorted(none.sla), sorted(none.replies), none.rules]).toEqual([[], [], [], false]);
    expect((await automationOn(raw, [])).rules).toBe(false);

    await raw.query(
      `insert into assignment_settings (account_id, mode, sla_minutes, updated_at) values
         ('on-a', 'round_robin', null, 0), ('on-b', 'off', 30, 0), ('on-c', 'least_busy', 5, 0),
         ('on-d', 'off', null, 0), ('on-x', 'round_robin', 5, 0)`,
    );
    await raw.query(
      `insert into automation_settings (account_id, away_enabled, away_text, greeting_enabled, greeting_text, updated_at) values
         ('on-a', false, '', false, '', 0), ('on-b', true, 'away', false, '', 0),
         ('on-d', false, '', true, 'hi', 0), ('on-x', true, 'away', true, 'hi', 0)`,
    );
    const asked = ['on-a', 'on-b', 'on-c', 'on-d', 'on-e'];
    const found = await automationOn(raw, asked);
    expect(sorted(found.assigns)).toEqual(['on-a', 'on-c']);
    expect(sorted(found.sla)).toEqual(['on-b', 'on-c']);
    expect(sorted(found.replies)).toEqual(['on-b', 'on-d']);
    // Rules are the workspace's, not a number's: none stored yet.
    expect(found.rules).toBe(false);

    // A rule switched off still counts: which rules are on is read inside the turn.
    await raw.query(
      `insert into automation_rules (id, position, body, updated_at) values ('00000000-0000-4000-8000-000000000001', 0, '{"enabled":false}', 0)`,
    );
    expect((await automationOn(raw, ['on-e'])).rules).toBe(true);
  });

  it('treats a step as on when nothing was read', () => {
    expect(anyOn(undefined, ['x'])).toBe(true);
    expect(anyOn(new Set(['x']), ['y', 'x'])).toBe(true);
    expect(anyOn(new Set(['x']), ['y'])).toBe(false);
    expect(anyOn(new Set<string>(), [])).toBe(false);
  });
});
