/**
 * #24: the headless host runs the core the way the desktop does, in its own process
 * (dist/core/child.mjs), so SQLite and ingest never share the thread that answers the
 * browser. Drives the built host as `npm run serve` starts it.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../../common/ipc';
import { connectBridge, invoke } from '../../helpers/host';
import { forkCoreProcess } from '../../../main/host/core-fork';
import { startCoreProcess } from '../../../main/host/core-process';
import { silentLogger } from '../../../main/platform/log';

const root = process.cwd();

/** Every process whose parent is `pid`, with its command line (Linux /proc). */
function childrenOf(pid: number): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The parent pid is the 2nd field after the ")" that closes the command name.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== pid) continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      found.push({ pid: Number(entry), cmd });
    } catch {
      /* the process ended while we looked */
    }
  }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise(r => setTimeout(r, 50));
  }
  return check();
}

type Started = { child: ChildProcess; port: number; token: string; dataDir: string };

async function startBuiltHost(): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'blazz-hostcore-'));
  const child = spawn(process.execPath, ['dist/host/index.mjs', '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
  });
  const parsed = new URL(url);
  return { child, port: Number(parsed.port), token: parsed.hash.replace('#token=', ''), dataDir };
}

let host: Started;
beforeAll(async () => {
  // Built here too when run alone; `npm test` built it already (the build skips unchanged migrations).
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--only', 'host'], { stdio: 'inherit' });
  host = await startBuiltHost();
}, 90_000);
afterAll(() => {
  if (host.child.exitCode === null) host.child.kill('SIGKILL');
  rmSync(host.dataDir, { recursive: true, force: true });
});

describe('the headless host runs its core in a child process', () => {
  it('starts dist/core/child.mjs and answers the browser through it', async () => {
    const hostPid = host.child.pid ?? -1;
    const cores = childrenOf(hostPid).filter(c => c.cmd.includes(join('dist', 'core', 'child.mjs')));
    expect(cores).toHaveLength(1);

    const socket = await connectBridge(host.port, host.token);
    const events: string[] = [];
    // Events flow from the start, before this browser's first call.
    socket.on(IPC_EVENT_CHANNEL, (name: string) => events.push(name));
    const added = await invoke(socket, 'accounts:add', { provider: 'simulator', name: 'Shop' });
    expect(added).toMatchObject({ ok: true, value: { provider: 'simulator', name: 'Shop' } });
    expect(await until(() => events.includes('accounts:changed'), 10_000)).toBe(true);

    // Hostile calls are still answered, now across the process boundary.
    await expect(invoke(socket, { not: 'a name' }, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
    await expect(invoke(socket, 'accounts:add', { provider: 'simulator', name: 7 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    const info = await invoke(socket, 'app:info', {});
    expect(info).toMatchObject({ ok: true, value: { shell: 'headless', dataDir: host.dataDir } });
    socket.close();
  }, 60_000);

  it('leaves no core or account process behind when the host is killed', async () => {
    const hostPid = host.child.pid ?? -1;
    const core = childrenOf(hostPid).find(c => c.cmd.includes(join('dist', 'core', 'child.mjs')));
    expect(core).toBeDefined();
    const corePid = core?.pid ?? -1;
    // The simulated number added above runs in an account process under the core.
    expect(await until(() => childrenOf(corePid).length > 0, 10_000)).toBe(true);
    const accountPids = childrenOf(corePid).map(c => c.pid);

    host.child.kill('SIGKILL');
    expect(await until(() => !alive(corePid), 15_000)).toBe(true);
    expect(await until(() => accountPids.every(pid => !alive(pid)), 15_000)).toBe(true);
  }, 60_000);
});

describe('the host does not wait for the core to open before it listens', () => {
  const entry = join(root, 'dist', 'core', 'child.mjs');
  const ctx = { transport: 'host', caller: 'renderer' } as const;

  it('answers a call made the moment the core is forked, once the core has opened', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'blazz-early-'));
    // Returned at once, not after the core opened: the browser loads the app meanwhile.
    const remote = startCoreProcess({ entry, dataDir, log: silentLogger });
    try {
      const early = remote.dispatch('app:info', {}, ctx);
      await expect(early).resolves.toMatchObject({ ok: true, value: { shell: 'headless', dataDir } });
      await expect(remote.ready).resolves.toBeUndefined();
    } finally {
      await remote.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('parses only a small entry before forking the core: the rest of the host is a chunk loaded after', () => {
    const entry = readFileSync('dist/host/index.mjs', 'utf8');
    expect(entry.length).toBeLessThan(50_000);
    // The in-process core is for development under tsx; the built entry must not pull it in.
    expect(readdirSync('dist/host/chunks').some(f => f.endsWith('.mjs'))).toBe(true);
    expect(entry).not.toMatch(/createCore\(/);
  });

  it('hears a core that opened before the host listened (the entry forks it first)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'blazz-first-'));
    const forked = forkCoreProcess(entry, dataDir);
    // The core opens while the host would still be loading: its "ready" is already sent.
    await new Promise<void>(resolve =>
      forked.child.on('message', (m: unknown) => (m as { t?: string }).t === 'ready' && resolve()),
    );
    const remote = startCoreProcess({ entry, forked, dataDir, log: silentLogger, readyTimeoutMs: 5_000 });
    try {
      await expect(remote.ready).resolves.toBeUndefined();
      await expect(remote.dispatch('app:info', {}, ctx)).resolves.toMatchObject({ ok: true });
    } finally {
      await remote.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers unavailable, and ends the built host with the reason, when the core cannot open', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'blazz-broken-'));
    writeFileSync(join(dataDir, 'blazz.sqlite'), 'this is not a database, it is a text file '.repeat(200));
    const remote = startCoreProcess({ entry, dataDir, log: silentLogger });
    try {
      await expect(remote.dispatch('app:info', {}, ctx)).resolves.toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
      await expect(remote.ready).rejects.toThrow();
    } finally {
      await remote.close();
    }
    const host = spawn(process.execPath, ['dist/host/index.mjs', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    host.stdout?.on('data', (b: Buffer) => (output += b.toString()));
    host.stderr?.on('data', (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>(resolve => host.once('exit', c => resolve(c)));
    expect(code).toBe(1);
    expect(output).toContain('The app core could not start');
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);
});
