import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QuitSteps } from '../../../main/app/quit';
import { createQuitSequence } from '../../../main/app/quit';

/** Fakes that record, in one list, the order in which quitting touches things. */
function recorder(closeCore: (order: string[]) => Promise<void>) {
  const order: string[] = [];
  const steps: QuitSteps = {
    saveState: () => order.push('save-state'),
    closeCore: () => {
      order.push('close-core');
      return closeCore(order);
    },
    killCore: () => order.push('kill-core'),
    exit: code => order.push(`exit ${code}`),
    warn: vi.fn(),
    timeoutMs: 8_000,
  };
  const event = () => ({ preventDefault: () => order.push('prevent-default') });
  return { order, steps, event };
}

afterEach(() => vi.useRealTimers());

describe('quitting', () => {
  it('holds the quit, waits for the core to close its accounts and database, then exits', async () => {
    let coreExited = () => {};
    const { order, steps, event } = recorder(
      o =>
        new Promise(resolve => {
          coreExited = () => {
            o.push('core-exited');
            resolve();
          };
        }),
    );
    const quit = createQuitSequence(steps);
    expect(quit.quitting).toBe(false);
    quit.onBeforeQuit(event());
    expect(quit.quitting).toBe(true);
    await Promise.resolve();
    // Nothing exits while the core is still closing.
    expect(order).toEqual(['prevent-default', 'save-state', 'close-core']);
    coreExited();
    await vi.waitFor(() => expect(order).toContain('exit 0'));
    expect(order).toEqual(['prevent-default', 'save-state', 'close-core', 'core-exited', 'exit 0']);
  });

  it('holds a second quit request without closing the core twice', async () => {
    const { order, steps, event } = recorder(() => Promise.resolve());
    const quit = createQuitSequence(steps);
    quit.onBeforeQuit(event());
    quit.onBeforeQuit(event());
    await vi.waitFor(() => expect(order).toContain('exit 0'));
    expect(order.filter(s => s === 'prevent-default')).toHaveLength(2);
    expect(order.filter(s => s === 'close-core')).toHaveLength(1);
    expect(order.filter(s => s.startsWith('exit'))).toHaveLength(1);
  });

  it('kills a core that does not close within the timeout, then exits', async () => {
    vi.useFakeTimers();
    const { order, steps, event } = recorder(() => new Promise<void>(() => {}));
    createQuitSequence(steps).onBeforeQuit(event());
    await vi.advanceTimersByTimeAsync(7_999);
    expect(order).not.toContain('kill-core');
    await vi.advanceTimersByTimeAsync(1);
    expect(order).toEqual(['prevent-default', 'save-state', 'close-core', 'kill-core', 'exit 0']);
    expect(steps.warn).toHaveBeenCalledWith(expect.any(String), { outcome: 'timeout' });
  });

  it('still closes the core and exits when saving state or closing fails', async () => {
    const { order, steps, event } = recorder(() => Promise.reject(new Error('port closed')));
    steps.saveState = () => {
      throw new Error('window destroyed');
    };
    createQuitSequence(steps).onBeforeQuit(event());
    await vi.waitFor(() => expect(order).toContain('exit 0'));
    expect(order).toEqual(['prevent-default', 'close-core', 'kill-core', 'exit 0']);
  });
});
