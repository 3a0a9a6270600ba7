/**
 * The desktop's core in its own process: the built entry forked as a real child, driven the
 * way Electron's main and the preload drive it (issue #24, "The desktop's main thread").
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Account } from '../../../common/domain';
import { processTree } from '../../../main/accounts/process-tree';
import type { FakeMain } from '../../helpers/core-process';
import { buildCoreProcess, startCoreProcess } from '../../helpers/core-process';
import { until } from '../../helpers/core';

// Real processes on a shared 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const running: FakeMain[] = [];
const start = async (extra: Parameters<typeof startCoreProcess>[0] = {}) => {
  const main = startCoreProcess(extra);
  running.push(main);
  await main.ready;
  return main;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Adds a simulated number through the core and waits for its account process under the core. */
const addedAccountProcesses = async (main: FakeMain, name: string) => {
  const added = await main.client.invoke('accounts:add', { provider: 'simulator', name });
  expect(added.ok).toBe(true);
  const pid = main.child.pid;
  if (pid === undefined) throw new Error('no pid');
  return until('the account process to start', async () => {
    const tree = (await processTree(pid)).filter(p => p.pid !== pid);
    return tree.length > 0 ? tree : null;
  });
};

beforeAll(() => buildCoreProcess(), 120_000);
afterEach(async () => {
  for (const m of running.splice(0)) {
    if (m.child.exitCode === null && m.child.signalCode === null) m.child.kill('SIGKILL');
    await m.exited;
    rmSync(m.dataDir, { recursive: true, force: true });
  }
});

describe('core process', () => {
  it('answers commands and sends events through the preload client', async () => {
    const main = await start();
    await expect(main.client.invoke('app:ping', { echo: 'over the port' })).resolves.toMatchObject({
      ok: true,
      value: { pong: 'over the port' },
    });
    await expect(main.client.invoke('app:info', {})).resolves.toMatchObject({
      ok: true,
      value: { shell: 'electron', dataDir: main.dataDir },
    });

    const changed: Account[][] = [];
    main.client.subscribe('accounts:changed', p => changed.push([...(p as { accounts: Account[] }).accounts]));
    const added = await main.client.invoke('accounts:add', { provider: 'simulator', name: 'Front desk' });
    expect(added).toMatchObject({ ok: true, value: { name: 'Front desk', provider: 'simulator' } });
    await until('an accounts:changed event naming the account', () =>
      changed.some(list => list.some(a => a.name === 'Front desk')),
    );
    // Main hears the same account for its tray, without the renderer's help.
    await until('main to receive the account for the tray', () =>
      main.trayUpdates.some(list => list.some(a => a.name === 'Front desk' && a.muted === false)),
    );
  });

  it('keeps desktop preferences in main and applies changes there', async () => {
    const main = await start();
    await expect(main.client.invoke('app:desktop-preferences', {})).resolves.toMatchObject({
      ok: true,
      value: { available: true, launchAtLogin: false },
    });
    await expect(main.client.invoke('app:set-desktop-preferences', { launchAtLogin: true })).resolves.toMatchObject({
      ok: true,
      value: { launchAtLogin: true },
    });
    await until('main to apply the login item', () => main.launchAtLogin.includes(true));
  });

  it('answers malformed messages with an error and keeps serving', async () => {
    const main = await start();
    main.sendRaw({ t: 'renderer', msg: { t: 'call', id: 41, name: 7, args: null } });
    main.sendRaw({ t: 'renderer', msg: 'not a call' });
    main.sendRaw({ t: 'renderer', msg: { t: 'call', id: 42, name: 'app:ping', args: { echo: 5 } } });
    main.sendRaw({ t: 'renderer', msg: { t: 'call', id: 43, name: 'no:such', args: {} } });
    // Malformed lanes from "main" are ignored, not fatal.
    main.sendRaw({ t: 'vault-result', id: 'x' });
    main.sendRaw(null);
    main.sendRaw({ t: 'shutdown', extra: true });

    const replyTo = (id: number | null) =>
      main.rendererMessages.find(
        m => (m as { t?: string; id?: unknown }).t === 'reply' && (m as { id?: unknown }).id === id,
      );
    await until('replies to the malformed calls', () => replyTo(41) && replyTo(null) && replyTo(42) && replyTo(43));
    expect(replyTo(41)).toMatchObject({ reply: { ok: false, error: { code: 'invalid_args' } } });
    expect(replyTo(null)).toMatchObject({ reply: { ok: false, error: { code: 'invalid_args' } } });
    expect(replyTo(42)).toMatchObject({ reply: { ok: false, error: { code: 'invalid_args' } } });
    expect(replyTo(43)).toMatchObject({ reply: { ok: false, error: { code: 'unknown_command' } } });

    // An argument that cannot be cloned fails its own call on the caller's side.
    await expect(main.client.invoke('app:ping', { echo: () => 'x' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    await expect(main.client.invoke('app:ping', { echo: 'still here' })).resolves.toMatchObject({ ok: true });
    expect(main.child.exitCode).toBeNull();
  });

  it('closes its account processes and its database when main asks it to stop', async () => {
    // The environment main gives account processes (ELECTRON_RUN_AS_NODE in the app).
    const main = await start({ accountEnv: { BLAZZ_ACCOUNT_MARK: 'from-main' } });
    const accounts = await addedAccountProcesses(main, 'Night shift');

    if (process.platform === 'linux') {
      const environ = readFileSync(`/proc/${accounts[0]?.pid}/environ`, 'utf8').split('\0');
      expect(environ).toContain('BLAZZ_ACCOUNT_MARK=from-main');
    }
    // The store runs in WAL mode: while it is open, the log exists.
    expect(existsSync(join(main.dataDir, 'blazz.sqlite-wal'))).toBe(true);
    main.sendRaw({ t: 'shutdown' });
    await expect(main.exited).resolves.toEqual({ code: 0, signal: null });
    for (const p of accounts) expect(alive(p.pid)).toBe(false);
    // better-sqlite3 removes the write-ahead log when the last connection closes cleanly.
    expect(existsSync(join(main.dataDir, 'blazz.sqlite'))).toBe(true);
    expect(existsSync(join(main.dataDir, 'blazz.sqlite-wal'))).toBe(false);
  });

  it('its account processes end when the core process is killed (SIGKILL, no clean-up runs)', async () => {
    const main = await start();
    const accounts = await addedAccountProcesses(main, 'Killed core');
    for (const p of accounts) expect(alive(p.pid)).toBe(true);
    main.child.kill('SIGKILL');
    await expect(main.exited).resolves.toEqual({ code: null, signal: 'SIGKILL' });
    // Each account process sees its IPC channel close and leaves by itself.
    await until('the account processes to end', () => accounts.every(p => !alive(p.pid)), 20_000);
  });

  it('leaves when main goes away', async () => {
    const main = await start();
    main.child.disconnect();
    await expect(main.exited).resolves.toEqual({ code: 0, signal: null });
  });
});
