/**
 * The last active admin stays (issue #15, point 7): N admins demoting or deactivating each
 * other at the same moment over real sockets always leave at least one active admin, and
 * every refused call answers `conflict` (or `unauthenticated`/`forbidden` when the
 * caller's own deactivation or demotion committed first), never `internal`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { members } from '../../../sync-server/src/db/schema';
import type { Stack } from './harness';
import { call, must, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const DISCONNECTED = { ok: false, error: { code: 'disconnected' } } as const;

type Change = { active: false } | { role: 'lead' };

async function activeAdminIds(): Promise<string[]> {
  const rows = await stack.node.app.database.db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.role, 'admin'), eq(members.active, true)));
  return rows.map(r => r.id);
}

/**
 * A ring of n admins, the only active ones, each deactivating or demoting the next at the
 * same moment. A refusal is `conflict` from the guard, or, for a caller whose own change
 * committed first, `unauthenticated` (deactivated) or `forbidden` (demoted), or no answer
 * at all when the server drops that caller's socket first.
 */
async function round(n: number, change: (i: number) => Change): Promise<void> {
  const ring = await Promise.all(Array.from({ length: n }, () => stack.device('admin')));
  const ringIds = new Set(ring.map(a => a.id));
  for (const id of await activeAdminIds())
    if (!ringIds.has(id)) await must(ring[0]!.socket, 'member:update', { memberId: id, active: false });
  expect((await activeAdminIds()).sort()).toEqual([...ringIds].sort());

  // A caller deactivated or demoted meanwhile is disconnected by the server, its ack with it.
  const replies = await Promise.all(
    ring.map((a, i) =>
      call(a.socket, 'member:update', { memberId: ring[(i + 1) % n]!.id, ...change(i) }).catch(() => DISCONNECTED),
    ),
  );
  for (const r of replies)
    if (!r.ok) expect(['conflict', 'unauthenticated', 'forbidden', 'disconnected']).toContain(r.error.code);
  expect((await activeAdminIds()).length).toBeGreaterThanOrEqual(1);
}

describe('member:update keeps an active admin under concurrency', () => {
  for (const n of [2, 3, 5]) {
    it(`${n} admins deactivating each other, several rounds`, async () => {
      for (let r = 0; r < 4; r++) await round(n, () => ({ active: false }));
    });
    it(`${n} admins demoting each other, several rounds`, async () => {
      for (let r = 0; r < 4; r++) await round(n, () => ({ role: 'lead' }));
    });
    it(`${n} admins mixing deactivation and demotion, several rounds`, async () => {
      for (let r = 0; r < 4; r++) await round(n, i => (i % 2 ? { role: 'lead' } : { active: false }));
    });
  }
});
