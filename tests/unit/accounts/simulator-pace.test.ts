/**
 * A simulated number's pace (#21 "a calmer training pace"): saved on the number, sent to its
 * runtime as the customers' interval, applied by restarting a running number, and refused
 * for a real number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_PACE_MS } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { ProcessLauncher } from '../../../main/accounts/launcher';
import { inProcessLauncher } from '../../../main/accounts/launcher-in-process';
import type { Harness } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import { webjsRecord } from '../../helpers/accounts/records';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The customers' interval each start of the account was given, in order. */
function recordingLauncher(): { launcher: ProcessLauncher; intervals: Array<number | undefined> } {
  const base = inProcessLauncher();
  const intervals: Array<number | undefined> = [];
  return {
    intervals,
    launcher: {
      launch(id, env) {
        const handle = base.launch(id, env);
        return {
          ...handle,
          pid: handle.pid,
          send(msg) {
            if (msg.t === 'start') intervals.push(msg.config.simulator?.chatterIntervalMs);
            handle.send(msg);
          },
          onMessage: cb => handle.onMessage(cb),
          onExit: cb => handle.onExit(cb),
          kill: signal => handle.kill(signal),
        };
      },
    },
  };
}

describe('simulated numbers: the customers’ pace', () => {
  it('is lively by default, and a calm pace restarts the running number with a 2-minute interval', async () => {
    const rec = recordingLauncher();
    h = createHarness({ launcher: rec.launcher, simulator: { qrScanDelayMs: 50 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Training', seed: 3 });
    expect(a.simulatorPace).toBe('lively');
    await h.waitForState(a.id, 'ready');
    const updated = h.manager.update(a.id, { simulatorPace: 'calm' });
    expect(updated.simulatorPace).toBe('calm');
    expect(h.store.records.get(a.id)?.simulatorPace).toBe('calm');
    await h.waitForState(a.id, 'ready');
    await expect.poll(() => rec.intervals.length).toBe(2);
    expect(rec.intervals[1]).toBe(SIMULATOR_PACE_MS.calm);
    // The same pace again changes nothing: no restart.
    h.manager.update(a.id, { simulatorPace: 'calm', name: 'Training 2' });
    await new Promise(r => setTimeout(r, 200));
    expect(rec.intervals).toHaveLength(2);
  });

  it('paused means no new customers’ messages (interval 0), kept for the next start', async () => {
    const rec = recordingLauncher();
    h = createHarness({ launcher: rec.launcher, simulator: { qrScanDelayMs: 50 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Quiet', seed: 4 });
    await h.waitForState(a.id, 'ready');
    await h.manager.stop(a.id);
    h.manager.update(a.id, { simulatorPace: 'paused' });
    h.manager.start(a.id);
    await h.waitForState(a.id, 'ready');
    expect(rec.intervals.at(-1)).toBe(0);
  });

  it('is refused for a whatsapp-web.js number, which has no simulated customers', () => {
    h = createHarness();
    h.store.records.set('acc_real', webjsRecord('acc_real'));
    const fresh = createHarness({ store: h.store });
    try {
      expect(() => fresh.manager.update('acc_real', { simulatorPace: 'calm' })).toThrow(CommandError);
      expect(fresh.manager.list().find(x => x.id === 'acc_real')?.simulatorPace).toBeUndefined();
    } finally {
      void fresh.close();
    }
  });
});
