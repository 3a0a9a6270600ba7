import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountAlert } from '../../../common/api/accounts';
import { ACCOUNT_ALERT_CODES, accountsCommands } from '../../../common/api/accounts';
import { ACCOUNT_STATUS_CODES } from '../../../common/account-status';
import { CommandError } from '../../../common/result';
import type { ChildHandle, ProcessLauncher } from '../../../main/accounts/launcher';
import { inProcessLauncher } from '../../../main/accounts/launcher-in-process';
import { accountsHandlers } from '../../../main/core/handlers/accounts';
import type { Harness, HarnessOptions } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import { MemoryStore } from '../../helpers/accounts/memory-store';
import { waitFor } from '../../helpers/accounts/wait';

const open: Harness[] = [];
const harness = (o: HarnessOptions = {}) => {
  const h = createHarness(o);
  open.push(h);
  return h;
};
afterEach(async () => {
  await Promise.all(open.splice(0).map(h => h.close()));
});

describe('AccountManager: lifecycle', () => {
  it('a new simulated account shows a QR, gets scanned, becomes ready and stores its history', async () => {
    const h = harness({ simulator: { qrScanDelayMs: 600 } });
    const account = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 7 });
    expect(account.state).toBe('starting');
    await h.waitForState(account.id, 'ready');
    expect(h.states(account.id)).toEqual(['stopped', 'starting', 'qr', 'connecting', 'ready']);
    expect(h.changed.some(list => list.some(a => a.qr?.startsWith('data:image/svg+xml;base64,')))).toBe(true);
    await waitFor('history', () => h.store.messagesOf(account.id).length === 20);
    expect(h.store.records.get(account.id)).toMatchObject({
      lastState: 'ready',
      phone: expect.stringMatching(/^62\d+$/),
    });
  });

  it('links by pairing code instead of QR when a phone number is given', async () => {
    const h = harness({ simulator: { qrScanDelayMs: 300 } });
    const a = h.manager.add({ provider: 'simulator', name: 'By code', seed: 6, pairingPhone: '6281234567890' });
    await h.waitForState(a.id, 'ready');
    expect(h.states(a.id)).toEqual(['stopped', 'starting', 'pairing_code', 'connecting', 'ready']);
    expect(h.changed.some(list => list.some(x => /^[A-Z0-9]{8}$/.test(x.pairingCode ?? '')))).toBe(true);
  });

  it('brings back accounts that were ready after an app restart, without a new scan', async () => {
    const store = new MemoryStore();
    const first = harness({ store, keepDataDir: true });
    const a = first.manager.add({ provider: 'simulator', name: 'Shop', seed: 8 });
    const b = first.manager.add({ provider: 'simulator', name: 'Stopped one', seed: 9 });
    await first.waitForState(a.id, 'ready');
    await first.waitForState(b.id, 'ready');
    await first.manager.stop(b.id);
    await first.manager.close();

    const second = harness({ store, dataDir: first.dataDir });
    expect(second.manager.list().map(x => x.state)).toEqual(['stopped', 'stopped']);
    second.manager.restore();
    await second.waitForState(a.id, 'ready');
    expect(second.states(a.id)).not.toContain('qr');
    expect(second.manager.get(b.id).state).toBe('stopped');
    expect(second.launches()).toBe(1);
    rmSync(first.dataDir, { recursive: true, force: true });
  });

  it('logout deletes the saved session, so the next start asks for a new scan', async () => {
    const h = harness();
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 10 });
    await h.waitForState(a.id, 'ready');
    const session = join(h.dataDir, 'simulator', `session-${a.id}`);
    expect(existsSync(session)).toBe(true);
    const after = await h.manager.logout(a.id);
    expect(after.state).toBe('logged_out');
    expect(existsSync(session)).toBe(false);
    h.manager.start(a.id);
    await h.waitForState(a.id, 'qr');
  });

  it('remove stops and forgets the account, and deletes its session folder', async () => {
    const h = harness();
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 11 });
    await h.waitForState(a.id, 'ready');
    const session = join(h.dataDir, 'simulator', `session-${a.id}`);
    expect(existsSync(session)).toBe(true);
    await h.manager.remove(a.id);
    expect(existsSync(session)).toBe(false);
    expect(h.manager.list()).toEqual([]);
    expect(h.store.records.size).toBe(0);
    expect(() => h.manager.get(a.id)).toThrow(CommandError);
  });

  it('sends through a ready account, and refuses clearly when the account is not connected', async () => {
    const h = harness();
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 12 });
    await h.waitForState(a.id, 'ready');
    const chatJid = await waitFor('a chat', () => h.store.messagesOf(a.id)[0]?.chatJid);
    const sent = await h.manager.request(a.id, { op: 'sendText', chatJid, text: 'Halo kak!' });
    expect(sent).toMatchObject({ fromMe: true, body: 'Halo kak!', chatJid });
    await waitFor('the read tick', () => h.store.message(a.id, sent.providerMessageId)?.ack === 'read');
    await h.manager.stop(a.id);
    const refused = h.manager.request(a.id, { op: 'sendText', chatJid, text: 'x' });
    await expect(refused).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('AccountManager: watchdog, restarts and alerts', () => {
  it('marks a hung account degraded and restarts it', async () => {
    const h = harness({ timings: { probeIntervalMs: 30, probeTimeoutMs: 80 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 13 });
    await h.waitForState(a.id, 'ready');
    h.manager.control(a.id, { kind: 'hang' });
    await waitFor('degraded', () => h.states(a.id).includes('degraded'));
    expect(h.manager.get(a.id).stateCode ?? h.store.records.get(a.id)?.lastStateCode).toBe('not_responding');
    await h.waitForState(a.id, 'ready');
    expect(h.launches()).toBe(2);
    expect(h.alerts.map(x => x.level)).toEqual(['warning', 'info']);
  });

  it('degrades when ready never arrives, restarts with backoff, and gives up after 12 restarts in an hour', async () => {
    const h = harness({
      // Never linked, it would stop after 3 tries (webjs-supervised.test.ts): the hourly cap here.
      timings: { readyDeadlineMs: 40, backoffBaseMs: 1, backoffMaxMs: 4, linkTriesBeforeAsking: 100 },
      simulator: { ready: 'never', qrScanDelayMs: 1 },
    });
    const a = h.manager.add({ provider: 'simulator', name: 'Broken WA Web', seed: 14 });
    const failed = await h.waitForState(a.id, 'failed', 15_000);
    expect(failed).toMatchObject({ stateCode: 'ready_timeout', stoppedAfterTries: 13, retryAt: null });
    expect(h.launches()).toBe(13);
    expect(h.states(a.id).filter(s => s === 'degraded').length).toBeGreaterThanOrEqual(1);
    expect(h.alerts.filter(x => x.level === 'error')).toHaveLength(1);
    // It stays failed: no further launches happen on their own.
    await new Promise(r => setTimeout(r, 100));
    expect(h.launches()).toBe(13);
    // A person pressing Start gets a fresh allowance.
    h.manager.start(a.id);
    await waitFor('a new launch', () => h.launches() === 14);
  });

  it('sends alerts as codes: what happened and why, never a sentence (the renderer words them)', async () => {
    const h = harness();
    const a = h.manager.add({ provider: 'simulator', name: 'Toko Budi', seed: 16 });
    await h.waitForState(a.id, 'ready');
    h.manager.control(a.id, { kind: 'crash' });
    await waitFor('drop and recovery', () => h.alerts.some(x => x.code === 'recovered'));
    expect(h.alerts[0]).toMatchObject({ code: 'dropped', reasonCode: 'process_crashed' });
    expectOnlyCodes(h.alerts);
  });

  it('raises an alert when a number drops, and records the downtime when it is back', async () => {
    const h = harness();
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 15 });
    await h.waitForState(a.id, 'ready');
    h.manager.control(a.id, { kind: 'offline', durationMs: 60 });
    await waitFor('recovery alert', () => h.alerts.find(x => x.level === 'info'));
    expect(h.alerts[0]).toMatchObject({
      accountId: a.id,
      accountName: 'Shop',
      level: 'warning',
      code: 'dropped',
      reasonCode: 'reconnecting',
      downtimeMs: null,
    });
    const back = h.alerts[1];
    expect(back).toMatchObject({ code: 'recovered', reasonCode: null, detail: null, tries: null });
    expectOnlyCodes(h.alerts);
    expect(back?.downtimeMs).toBeGreaterThan(0);
    expect(h.store.records.get(a.id)?.lastDowntimeMs).toBe(back?.downtimeMs);
  });

  it('recycles an account over its memory budget at a quiet moment, without counting it as a failure', async () => {
    const h = harness({
      timings: { memoryBudgetBytes: 1, memorySampleMs: 20, quietMs: 0, probeIntervalMs: 10, maxRestartsPerWindow: 1 },
    });
    const a = h.manager.add({ provider: 'simulator', name: 'Heavy', seed: 16 });
    await waitFor(
      'a recycle',
      () => h.changed.some(list => list.some(x => x.id === a.id && x.stateCode === 'memory_restart')),
      10_000,
    );
    await waitFor('shown memory', () => h.manager.get(a.id).rssBytes);
    expect(h.launches()).toBeGreaterThanOrEqual(2);
    expect(h.states(a.id)).not.toContain('failed');
  });

  it('ignores malformed messages from a child and keeps the account running', async () => {
    const inner = inProcessLauncher();
    const hostile: ProcessLauncher = {
      launch(id, env) {
        const handle = inner.launch(id, env);
        const wrapped: ChildHandle = {
          ...handle,
          pid: handle.pid,
          onMessage(cb) {
            handle.onMessage(raw => {
              cb({ t: 'event', event: { kind: 'message', message: { accountId: id, chatJid: 'x', nonsense: true } } });
              cb({ t: 'batch', seq: 'not a number', batch: {} });
              cb(raw);
            });
          },
        };
        return wrapped;
      },
    };
    const h = harness({ launcher: hostile });
    const a = h.manager.add({ provider: 'simulator', name: 'Shop', seed: 17 });
    await h.waitForState(a.id, 'ready');
    await waitFor('history', () => h.store.messagesOf(a.id).length === 20);
    expect(h.warnings.some(w => /invalid message/.test(w))).toBe(true);
    expect(h.store.messagesOf(a.id).every(m => m.chatJid !== 'x')).toBe(true);
  });
});

describe('accounts commands', () => {
  it('validates arguments and maps to the manager', async () => {
    expect(
      accountsCommands['accounts:add'].args.safeParse({ provider: 'webjs', name: 'Sales', color: 'red' }).success,
    ).toBe(false);
    const parsed = accountsCommands['accounts:add'].args.parse({
      provider: 'webjs',
      name: ' Sales ',
      pairingPhone: '+62 812-3456-7890',
    });
    expect(parsed).toEqual({ provider: 'webjs', name: 'Sales', pairingPhone: '6281234567890' });

    const h = harness();
    const handlers = accountsHandlers(h.manager);
    const ctx = { transport: 'internal' } as const;
    const demo = await handlers['demo:start']({}, ctx);
    expect(demo.map(a => a.name)).toEqual(['Demo · Sales', 'Demo · Support']);
    const again = await handlers['demo:start']({}, ctx);
    expect(again.map(a => a.id)).toEqual(demo.map(a => a.id));
    const renamed = await handlers['accounts:update'](
      { accountId: demo[0]?.id ?? '', name: 'Sales floor', muted: true },
      ctx,
    );
    expect(renamed).toMatchObject({ name: 'Sales floor', muted: true });
    await expect(async () => handlers['accounts:start']({ accountId: 'acc_missing' }, ctx)).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

/** Fails when an alert carries a sentence again: only codes, the name and the raw detail. */
function expectOnlyCodes(alerts: readonly AccountAlert[]): void {
  expect(alerts.length).toBeGreaterThan(0);
  for (const alert of alerts) {
    expect(Object.keys(alert).sort()).toEqual(
      ['accountId', 'accountName', 'code', 'detail', 'downtimeMs', 'level', 'reasonCode', 'tries'].sort(),
    );
    expect(ACCOUNT_ALERT_CODES).toContain(alert.code);
    if (alert.reasonCode !== null) expect(ACCOUNT_STATUS_CODES).toContain(alert.reasonCode);
  }
}
