/**
 * The workspace server is down for 5 minutes while customers write and both desktops
 * reply; after it is back nothing is lost or duplicated anywhere (see outage-scenario.ts).
 * Long by design: socket.io's reconnect backoff and the push queue's retry backoff are
 * both at their ceiling by then, which a short outage never exercises.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Team } from './outage-scenario';
import { outage, startTeam } from './outage-scenario';

let team: Team;
afterEach(ctx => team?.printLogsIfFailed(ctx));

beforeAll(async () => {
  team = await startTeam({ chatterIntervalMs: 6_000 });
}, 180_000);

afterAll(async () => {
  await team?.stop();
});

it('a 5 min server outage: messages arriving and replies queued on both devices all converge, once', async () => {
  const r = await outage(team, { downtimeMs: 300_000, replyEveryMs: 20_000, tag: 'outage-5min' });
  expect(r.replies).toBeGreaterThanOrEqual(24);
  expect(r.notes).toBe(r.replies);
}, 480_000);
