/**
 * Messages that arrive while an account is away come back through catch-up, exactly once:
 * `message` events fire only for new messages, so this is the path that prevents loss.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forkLauncher } from '../../../main/accounts/launcher';
import { createWorld } from '../../../main/accounts/providers/simulator/world';
import type { Harness, HarnessOptions } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import { waitFor } from '../../helpers/accounts/wait';

// Real processes on a shared 2-core machine: starting one can take seconds under load.
vi.setConfig({ testTimeout: 120_000 });

const open: Harness[] = [];
const harness = (o: HarnessOptions) => {
  const h = createHarness({ launcher: forkLauncher({ stdio: 'stderr', priority: 0 }), ...o });
  open.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map(h => h.close()));
});

describe('catch-up after downtime', () => {
  it('stores exactly the 200 messages that arrived while the account was offline, none twice', async () => {
    const h = harness({ simulator: { chatterIntervalMs: 0, history: 50, chats: 6 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 500 });
    await h.waitForState(a.id, 'ready', 60_000);
    await waitFor('the history sync', () => h.store.messagesOf(a.id).length === 50, 60_000);
    const before = new Set(h.store.messagesOf(a.id).map(m => m.providerMessageId));
    const inputsBefore = h.store.messageInputs;
    const offlineAt = Date.now();

    h.manager.control(a.id, { kind: 'offline', durationMs: 1_500, messages: 200 });
    await waitFor('the account to drop', () => h.alerts.some(x => x.level === 'warning'));
    await waitFor('it to come back', () => h.alerts.some(x => x.level === 'info'), 60_000);
    await waitFor('the catch-up', () => h.store.messagesOf(a.id).length >= 250, 60_000);
    // Give a duplicate delivery every chance to show up before counting.
    await new Promise(r => setTimeout(r, 300));

    const fresh = h.store.messagesOf(a.id).filter(m => !before.has(m.providerMessageId));
    expect(fresh).toHaveLength(200);
    expect(new Set(fresh.map(m => m.providerMessageId)).size).toBe(200);
    expect(fresh.every(m => m.timestamp >= offlineAt)).toBe(true);
    // Catch-up re-sends what sits at each watermark: the store saw duplicates and kept one.
    expect(h.store.messageInputs - inputsBefore).toBeGreaterThanOrEqual(200);
    // Each ready began a catch-up, and each one that finished said so: the store's floors
    // (kept while a catch-up runs, see store/repositories/catch-up.ts) end with it.
    await waitFor('the catch-up to report its end', () => h.store.catchUps.ended.get(a.id) === 2, 30_000);
    expect(h.store.catchUps.begun.get(a.id)).toBe(2);
  });

  it('recovers every scheduled message after the account process is killed', async () => {
    const h = harness({
      simulator: { chatterIntervalMs: 150, history: 10, chats: 3 },
      timings: { backoffBaseMs: 800 },
    });
    const a = h.manager.add({ provider: 'simulator', name: 'Busy', seed: 501 });
    await h.waitForState(a.id, 'ready', 60_000);
    const pid = h.pids(a.id)[0];
    if (typeof pid !== 'number') throw new Error('no pid');
    process.kill(pid, 'SIGKILL');
    await waitFor('the restart', () => h.pids(a.id).length === 2, 60_000);
    await h.waitForState(a.id, 'ready', 60_000);
    const record = h.store.records.get(a.id);
    if (!record) throw new Error('no record');
    const world = createWorld({
      accountId: a.id,
      seed: 501,
      epochMs: record.createdAt,
      chats: 3,
      chatterIntervalMs: 150,
      history: 10,
    });
    const until = Date.now();
    const expected = Array.from(
      { length: world.lastIndexAt(until) + 1 },
      (_, k) => world.message(k).input.providerMessageId,
    );
    expect(expected.length).toBeGreaterThan(15);
    const missing = () => {
      const stored = new Set(h.store.messagesOf(a.id).map(m => m.providerMessageId));
      return expected.filter(id => !stored.has(id));
    };
    // Fails by timeout (with the ids) if any message scheduled before `until` never arrives.
    await waitFor('every scheduled message', () => missing().length === 0, 60_000).catch(() => {
      throw new Error(`never stored: ${missing().slice(0, 5).join(', ')}`);
    });
  });
});
