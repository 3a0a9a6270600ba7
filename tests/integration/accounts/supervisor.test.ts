/**
 * Real child processes, real SIGKILL: one account's process dies and only that account
 * notices; it restarts with backoff, up to the hourly cap; nothing it started survives it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forkLauncher } from '../../../main/accounts/launcher';
import { processTree } from '../../../main/accounts/process-tree';
import type { Harness, HarnessOptions } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import { waitFor } from '../../helpers/accounts/wait';

// Real processes on a shared 2-core machine: starting one can take seconds under load.
vi.setConfig({ testTimeout: 120_000 });

const open: Harness[] = [];
const harness = (o: HarnessOptions = {}) => {
  const h = createHarness({
    launcher: forkLauncher({ stdio: 'stderr', priority: 0 }),
    simulator: { chatterIntervalMs: 100, history: 5, qrScanDelayMs: 20 },
    ...o,
    timings: { backoffBaseMs: 200, backoffMaxMs: 1_000, readyDeadlineMs: 20_000, memorySampleMs: 150, ...o.timings },
  });
  open.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map(h => h.close()));
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('supervisor with real child processes', () => {
  it('restarts an account killed with SIGKILL while the others keep receiving', async () => {
    const h = harness();
    const [a, b, c] = ['Victim', 'Bystander 1', 'Bystander 2'].map((name, i) =>
      h.manager.add({ provider: 'simulator', name, seed: 100 + i }),
    );
    if (!a || !b || !c) throw new Error('accounts not added');
    for (const x of [a, b, c]) await h.waitForState(x.id, 'ready', 60_000);
    const pid = h.pids(a.id)[0];
    if (typeof pid !== 'number') throw new Error('no pid');

    const before = { b: h.store.messagesOf(b.id).length, c: h.store.messagesOf(c.id).length };
    process.kill(pid, 'SIGKILL');
    await waitFor('the victim to be noticed', () => h.states(a.id).includes('disconnected'));
    expect(h.store.records.get(a.id)).toMatchObject({
      lastStateCode: 'process_crashed',
      lastStateReason: 'account process ended (signal SIGKILL)',
    });
    await waitFor(
      'the bystanders to receive during the outage',
      () =>
        h.store.messagesOf(b.id).length > before.b &&
        h.store.messagesOf(c.id).length > before.c &&
        h.manager.get(a.id).state !== 'ready',
    );
    await h.waitForState(a.id, 'ready', 60_000);

    expect(h.pids(a.id)).toHaveLength(2);
    expect(h.pids(a.id)[1]).not.toBe(pid);
    expect(alive(pid)).toBe(false);
    for (const x of [b, c]) expect(h.states(x.id)).toEqual(['stopped', 'starting', 'qr', 'connecting', 'ready']);
    expect(h.alerts.filter(x => x.accountId === a.id).map(x => x.level)).toEqual(['warning', 'info']);
  });

  it('holds the restart cap: after the allowed restarts it stays failed and alerts', async () => {
    const h = harness({ timings: { maxRestartsPerWindow: 2, backoffBaseMs: 50 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Crashy', seed: 200 });
    for (let kill = 1; kill <= 3; kill++) {
      await h.waitForState(a.id, 'ready', 60_000);
      const pid = h.pids(a.id).at(-1);
      if (typeof pid !== 'number') throw new Error('no pid');
      process.kill(pid, 'SIGKILL');
      await waitFor('the crash to be noticed', () => h.manager.get(a.id).state !== 'ready');
    }
    const failed = await h.waitForState(a.id, 'failed', 60_000);
    // Two restarts allowed: the third failure in the hour stops it.
    expect(failed).toMatchObject({ stateCode: 'process_crashed', stoppedAfterTries: 3, retryAt: null });
    expect(h.launches()).toBe(3);
    expect(h.alerts.filter(x => x.level === 'error')).toHaveLength(1);
  });

  it('leaves no orphan behind when an account process dies (its "browser" is killed too)', async () => {
    const h = harness();
    const a = h.manager.add({ provider: 'simulator', name: 'With browser', seed: 300 });
    await h.waitForState(a.id, 'ready', 60_000);
    const pid = h.pids(a.id)[0];
    if (typeof pid !== 'number') throw new Error('no pid');
    const before = new Set((await processTree(pid)).map(p => p.pid));
    h.manager.control(a.id, { kind: 'spawn_browser' });
    const helper = await newChildOf(pid, before);
    // Let the supervisor's memory sampler see the whole tree before the crash.
    await waitFor('a sample with the helper', () => (h.manager.get(a.id).rssBytes ?? 0) > 0);
    await new Promise(r => setTimeout(r, 400));
    process.kill(pid, 'SIGKILL');
    await waitFor('the orphan to be killed', () => !alive(helper.pid), 60_000);
    await h.waitForState(a.id, 'ready', 60_000);
  });

  it('deletes a removed number’s session folder even when its process does not answer and is killed', async () => {
    const h = harness({ timings: { stopTimeoutMs: 300 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Frozen', seed: 120 });
    await h.waitForState(a.id, 'ready', 60_000);
    const session = join(h.dataDir, 'simulator', `session-${a.id}`);
    expect(existsSync(session)).toBe(true);
    const pid = h.pids(a.id)[0];
    if (typeof pid !== 'number') throw new Error('no pid');
    // Frozen like a process stuck in a hung WhatsApp Web logout: it never deletes the session itself.
    process.kill(pid, 'SIGSTOP');
    await h.manager.remove(a.id);
    await waitFor('the frozen process to be killed', () => !alive(pid));
    expect(existsSync(session)).toBe(false);
  });
});

async function newChildOf(pid: number, known: ReadonlySet<number>) {
  for (let i = 0; i < 250; i++) {
    const fresh = (await processTree(pid)).find(p => p.ppid === pid && !known.has(p.pid));
    if (fresh) return fresh;
    await new Promise(r => setTimeout(r, 20));
  }
  throw new Error('the stand-in browser did not appear');
}
