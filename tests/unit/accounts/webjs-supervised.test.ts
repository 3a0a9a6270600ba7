/**
 * The whatsapp-web.js provider under the real supervisor (in-process runtime, fake Client):
 * ready that never comes, a phone that logs the desktop out, and a connection that drops
 * while messages arrive and comes back — the documented action for each.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessLauncher } from '../../../main/accounts/launcher-in-process';
import { createWebjsProvider } from '../../../main/accounts/providers/webjs/provider';
import type { RuntimeConfig } from '../../../main/accounts/protocol';
import type { HarnessOptions } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import type { Harness } from '../../helpers/accounts/harness';
import { FakeWwebClient, fakeFactory, rawMessage } from '../../helpers/accounts/fake-wweb';
import { waitFor } from '../../helpers/accounts/wait';

const CUSTOMER = '628111222333@c.us';
const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map(h => h.close()));
});

/** A harness whose webjs accounts get a fresh fake Client per launch, set up by `script`. */
function webjsHarness(script: (fake: FakeWwebClient, launch: number) => void, o: HarnessOptions = {}) {
  const fakes: FakeWwebClient[] = [];
  const configs: RuntimeConfig[] = [];
  const launcher = inProcessLauncher(async (config, log) => {
    const fake = new FakeWwebClient();
    fakes.push(fake);
    configs.push(config);
    script(fake, fakes.length);
    return createWebjsProvider({
      accountId: config.accountId,
      dataDir: config.dataDir,
      // Any executable file passes the browser check; the fake Client never launches it.
      executablePath: process.execPath,
      pairingPhone: null,
      headless: true,
      clientFactory: fakeFactory(fake),
      log,
    });
  });
  const h = createHarness({ launcher, ...o });
  open.push(h);
  return { h, fakes, configs };
}

describe('webjs accounts under supervision', () => {
  it('marks an account degraded when ready never arrives, restarts it, closes every browser, and gives up at the cap', async () => {
    const { h, fakes } = webjsHarness(
      fake => {
        // WhatsApp Web loads, authenticates… and never says ready (a broken WA Web update).
        fake.onInitialize = () => setImmediate(() => fake.emit('authenticated', {}));
      },
      // The linking give-up is tested below: here the hourly cap of 12 restarts.
      { timings: { readyDeadlineMs: 40, backoffBaseMs: 1, backoffMaxMs: 2, linkTriesBeforeAsking: 100 } },
    );
    const a = h.manager.add({ provider: 'webjs', name: 'Sales' });
    const failed = await h.waitForState(a.id, 'failed', 15_000);
    expect(failed).toMatchObject({ stateCode: 'ready_timeout', stoppedAfterTries: 13, retryAt: null });
    expect(failed.stateReason).toMatch(/not ready within/);
    expect(h.states(a.id)).toContain('degraded');
    expect(fakes).toHaveLength(13);
    await waitFor('every browser closed', () => fakes.every(f => f.calls.includes('destroy')));
    expect(h.alerts.at(-1)).toMatchObject({ level: 'error', accountName: 'Sales' });
  });

  it('asks for a new scan when the phone logs the desktop out, and does not restart', async () => {
    const { h, fakes } = webjsHarness(fake => {
      fake.onInitialize = () =>
        setImmediate(() => {
          fake.emit('authenticated', {});
          fake.emit('ready');
        });
    });
    const a = h.manager.add({ provider: 'webjs', name: 'Support' });
    await h.waitForState(a.id, 'ready');
    fakes[0]?.emit('disconnected', 'LOGOUT');
    const out = await h.waitForState(a.id, 'logged_out');
    expect(out).toMatchObject({ stateCode: 'logged_out_phone', stateReason: 'WhatsApp Web disconnected: LOGOUT' });
    await new Promise(r => setTimeout(r, 100));
    expect(h.launches()).toBe(1);
  });

  it('catches up messages that arrived during a TIMEOUT once the state is CONNECTED again', async () => {
    const { h, fakes } = webjsHarness(fake => {
      fake.addChat(CUSTOMER, 'Budi');
      fake.remember(rawMessage({ chat: CUSTOMER, body: 'before', secondsAgo: 60 }));
      fake.onInitialize = () =>
        setImmediate(() => {
          fake.emit('authenticated', {});
          fake.emit('ready');
        });
    });
    const a = h.manager.add({ provider: 'webjs', name: 'Support' });
    await h.waitForState(a.id, 'ready');
    await waitFor('the first sync', () => h.store.messagesOf(a.id).length === 1);
    const fake = fakes[0];
    if (!fake) throw new Error('no client');
    fake.emit('change_state', 'TIMEOUT');
    await h.waitForState(a.id, 'connecting');
    // Received by WhatsApp while we were cut off: the library emits no `message` for these.
    for (let i = 0; i < 5; i++)
      fake.remember(rawMessage({ chat: CUSTOMER, body: `while away ${i}`, secondsAgo: 5 - i }));
    fake.emit('change_state', 'CONNECTED');
    await h.waitForState(a.id, 'ready');
    await waitFor('the catch-up', () => h.store.messagesOf(a.id).length === 6);
    expect(h.store.messagesOf(a.id).map(m => m.body)).toEqual([
      'before',
      ...[0, 1, 2, 3, 4].map(i => `while away ${i}`),
    ]);
    expect(h.alerts.map(x => x.level)).toEqual(['warning', 'info']);
  });

  it('stops after 3 failures in a row while a number is being linked, says why, and tries again at once when asked', async () => {
    const { h, fakes } = webjsHarness(
      fake => {
        // What Chromium answers with no network: page.goto rejects inside initialize().
        fake.onInitialize = () => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/'));
      },
      { timings: { backoffBaseMs: 30, backoffMaxMs: 60 } },
    );
    const a = h.manager.add({ provider: 'webjs', name: 'New' });
    const waiting = await h.waitForState(a.id, 'disconnected');
    expect(waiting).toMatchObject({ stateCode: 'no_network', phone: null, stoppedAfterTries: null });
    expect(waiting.retryAt).toBeGreaterThan(Date.now() - 1000);
    const failed = await h.waitForState(a.id, 'failed', 10_000);
    expect(failed).toMatchObject({ stateCode: 'no_network', stoppedAfterTries: 3, retryAt: null });
    expect(failed.stateReason).toMatch(/ERR_NAME_NOT_RESOLVED/);
    expect(fakes).toHaveLength(3);
    // Try again now: a fresh start, counted from zero.
    h.manager.start(a.id);
    await waitFor('a fourth launch', () => fakes.length === 4);
  });

  it('keeps the browser chosen for a number, starts it with that browser, and restarts it when the choice changes', async () => {
    const { h, configs } = webjsHarness(fake => {
      fake.onInitialize = () => setImmediate(() => fake.emit('qr', '2@abc'));
    });
    const a = h.manager.add({ provider: 'webjs', name: 'Chosen', browserPath: process.execPath });
    await h.waitForState(a.id, 'qr');
    expect(configs[0]?.webjs?.executablePath).toBe(process.execPath);
    expect(h.manager.get(a.id).browserPath).toBe(process.execPath);
    expect(h.store.records.get(a.id)?.browserPath).toBe(process.execPath);
    // Back to the detected browser: the running number restarts without a chosen path.
    h.manager.update(a.id, { browserPath: null });
    await waitFor('a restart', () => configs.length === 2);
    expect(configs[1]?.webjs?.executablePath).toBeNull();
    expect(h.manager.get(a.id).browserPath).toBeNull();
  });
});
