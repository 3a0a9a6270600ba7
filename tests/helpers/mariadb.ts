/**
 * A throwaway MariaDB for one test file or bench run: its own data folder, socket and
 * port, gone after stop(). The system tables are installed once per machine into a
 * template folder and copied, because mariadb-install-db costs seconds and every test
 * file needs a fresh server.
 */
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';

const run = promisify(execFile);
const TEMPLATE = join(tmpdir(), 'blazz-mariadb-template-v1');

export type MariaDb = {
  /** mysql://root@127.0.0.1:<port>/<database> */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function binary(name: string, pkg: string): string {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin']) {
    const p = join(dir, name);
    if (existsSync(p)) return p;
  }
  throw new Error(`${name} not found: install the Debian package '${pkg}' (apt-get install ${pkg})`);
}

async function ensureTemplate(): Promise<void> {
  if (existsSync(join(TEMPLATE, 'mysql'))) return;
  const staging = mkdtempSync(join(tmpdir(), 'blazz-mariadb-staging-'));
  await run(binary('mariadb-install-db', 'mariadb-server'), [
    '--no-defaults',
    `--datadir=${staging}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    '--user=root',
  ]);
  // Several test workers may race here; rename is atomic, so the loser just discards its copy.
  try {
    renameSync(staging, TEMPLATE);
  } catch {
    rmSync(staging, { recursive: true, force: true });
  }
}

export type MariaDbOptions = {
  readonly database?: string;
  readonly durable?: boolean;
  /** More mariadbd options, e.g. a setting a test needs that differs from MariaDB's default. */
  readonly args?: readonly string[];
};

class PortTaken extends Error {}

type Booted = { readonly port: number; readonly child: ChildProcess; readonly exited: () => boolean };

/** Starts mariadbd on a free port and waits until it answers; PortTaken when that port was taken meanwhile. */
async function boot(
  mariadbd: string,
  dir: string,
  datadir: string,
  database: string,
  opts: MariaDbOptions,
): Promise<Booted> {
  const port = await freePort();
  const args = [
    '--no-defaults',
    '--user=root',
    `--datadir=${datadir}`,
    `--socket=${join(dir, 'sock')}`,
    `--pid-file=${join(dir, 'pid')}`,
    `--port=${port}`,
    '--bind-address=127.0.0.1',
    '--skip-grant-tables',
    '--innodb-buffer-pool-size=128M',
    '--innodb-log-file-size=64M',
    '--max-connections=500',
    '--skip-name-resolve',
  ];
  // Tests do not need crash durability; the bench keeps the default (flush at commit).
  if (!opts.durable) args.push('--innodb-flush-log-at-trx-commit=2', '--sync-binlog=0');
  args.push(...(opts.args ?? []));
  const child: ChildProcess = spawn(mariadbd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  let exited = false;
  // 'close', not 'exit': by then stderr has been read whole, so the reason can be checked.
  child.on('close', () => {
    exited = true;
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) {
      if (stderr.includes('Address already in use')) throw new PortTaken(stderr);
      throw new Error(`mariadbd exited during start-up:\n${stderr}`);
    }
    try {
      const conn = await createConnection({ host: '127.0.0.1', port, user: 'root' });
      await conn.query(`CREATE DATABASE IF NOT EXISTS \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      await conn.end();
      break;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`mariadbd did not answer within 30 s: ${String(err)}\n${stderr}`);
      await new Promise(r => setTimeout(r, 100));
    }
  }
  return { port, child, exited: () => exited };
}

export async function startMariaDb(opts: MariaDbOptions = {}): Promise<MariaDb> {
  const mariadbd = binary('mariadbd', 'mariadb-server');
  await ensureTemplate();
  const dir = mkdtempSync(join(tmpdir(), 'blazz-mariadb-'));
  const datadir = join(dir, 'data');
  cpSync(TEMPLATE, datadir, { recursive: true });
  const database = opts.database ?? 'blazz';
  // A free port can be taken by another test's process before mariadbd binds it: try again
  // on a new port then, instead of failing a whole suite on a race it did not cause.
  let booted: Booted | null = null;
  for (let attempt = 1; !booted; attempt++) {
    try {
      booted = await boot(mariadbd, dir, datadir, database, opts);
    } catch (err) {
      if (!(err instanceof PortTaken) || attempt >= 3) throw err;
    }
  }
  const { port, child } = booted;
  let exited = booted.exited();
  child.on('exit', () => {
    exited = true;
  });
  return {
    url: `mysql://root@127.0.0.1:${port}/${database}`,
    port,
    async stop() {
      if (!exited) {
        const gone = new Promise<void>(r => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
