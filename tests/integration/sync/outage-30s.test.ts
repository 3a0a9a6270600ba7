/**
 * The workspace server is down for 30 s while customers write and both desktops reply;
 * after it is back nothing is lost or duplicated anywhere (see outage-scenario.ts).
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Team } from './outage-scenario';
import { outage, startTeam } from './outage-scenario';

let team: Team;
afterEach(ctx => team?.printLogsIfFailed(ctx));

beforeAll(async () => {
  team = await startTeam({ chatterIntervalMs: 2_000 });
}, 180_000);

afterAll(async () => {
  await team?.stop();
});

it('a 30 s server outage: messages arriving and replies queued on both devices all converge, once', async () => {
  const r = await outage(team, { downtimeMs: 30_000, replyEveryMs: 4_000, tag: 'outage-30s' });
  expect(r.replies).toBeGreaterThanOrEqual(10);
  expect(r.notes).toBe(r.replies);
}, 300_000);
