/**
 * #20 "No orphan browsers, ever", with Debian's real Chromium: an account process starts a
 * Chromium the way puppeteer does (detached, its own process group, helpers of its own)
 * and is killed with SIGKILL at once, long before the 15 s memory sample could have seen
 * the browser. Every Chromium process of that profile must be gone afterwards.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forkLauncher } from '../../../main/accounts/launcher';
import type { Harness } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import { waitFor } from '../../helpers/accounts/wait';

vi.setConfig({ testTimeout: 90_000 });
const CHROMIUM = '/usr/bin/chromium';

/** Pids of running Chromium processes whose command line names a simulator profile. */
function simulatorChromiums(): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // A zombie is dead already, only not reaped by its (gone) parent yet.
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (cmd.includes('blazz-sim-browser-') && state !== 'Z') found.push(Number(entry));
    } catch {
      /* ended while we looked */
    }
  }
  return found;
}

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map(h => h.close()));
  for (const pid of simulatorChromiums()) process.kill(pid, 'SIGKILL');
});

describe('no orphan Chromium', () => {
  it('kills every Chromium process of an account process killed with SIGKILL right after it started one', async () => {
    const h = createHarness({
      launcher: forkLauncher({ stdio: 'stderr', priority: 0 }),
      simulator: { chatterIntervalMs: 0, history: 5, qrScanDelayMs: 20 },
      // The product's sampling interval: the browser event alone must make main remember it.
      timings: { backoffBaseMs: 200, backoffMaxMs: 1_000, readyDeadlineMs: 20_000, memorySampleMs: 15_000 },
    });
    open.push(h);
    const before = simulatorChromiums().length;
    const a = h.manager.add({ provider: 'simulator', name: 'Chromium owner', seed: 900 });
    await h.waitForState(a.id, 'ready', 60_000);
    const pid = h.pids(a.id)[0];
    if (typeof pid !== 'number') throw new Error('no pid');

    h.manager.control(a.id, { kind: 'spawn_browser', chromium: CHROMIUM });
    // Chromium with its zygote and utility helpers: more than one process of that profile.
    // Counted while waiting: a helper may end on its own before a second look (seen in CI).
    let started = 0;
    await waitFor(
      'Chromium and its helpers to start',
      () => (started = Math.max(started, simulatorChromiums().length - before)) >= 2,
      30_000,
    );
    process.kill(pid, 'SIGKILL');

    await waitFor('every Chromium process to end', () => simulatorChromiums().length === before, 20_000);
    expect(started).toBeGreaterThanOrEqual(2);
    await h.waitForState(a.id, 'ready', 60_000);
  });
});
