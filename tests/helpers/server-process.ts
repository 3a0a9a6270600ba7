/**
 * The built workspace server (dist/server/index.mjs) as a real child process on a
 * throwaway MariaDB, started as an operator would: `create-admin`, then `serve`. A crash
 * shows as `exited`, which an in-process server would take the test runner down with.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startMariaDb } from './mariadb';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(ROOT, 'dist', 'server', 'index.mjs');

export type ServerProcess = {
  readonly url: string;
  readonly port: number;
  /** The exit code or signal if the process ended, else null. */
  exited(): string | null;
  /** The last of its stderr, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Refuses to test a bundle older than the sources: it would test yesterday's server. */
function assertBuilt(): void {
  const hint = 'run `node scripts/build.mjs --only server` first';
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: ${hint}`);
  const sources = Math.max(newestMtime(join(ROOT, 'sync-server', 'src')), newestMtime(join(ROOT, 'common')));
  if (statSync(ENTRY).mtimeMs < sources) throw new Error(`${ENTRY} is older than the sources: ${hint}`);
}

export async function startServerProcess(admin: { email: string; password: string }): Promise<ServerProcess> {
  assertBuilt();
  const mariadb = await startMariaDb();
  const blobDir = mkdtempSync(join(tmpdir(), 'blazz-blobs-'));
  const env = { ...process.env, DATABASE_URL: mariadb.url, BLOB_DIR: blobDir, LOG_LEVEL: 'info' };
  await run(process.execPath, [ENTRY, 'create-admin', '--email', admin.email, '--password', admin.password], {
    env,
    cwd: ROOT,
  });
  const child = spawn(process.execPath, [ENTRY, '--port', '0', '--host', '127.0.0.1'], {
    env,
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exit: string | null = null;
  let stderr = '';
  child.on('exit', (code, signal) => (exit = `code ${String(code)} signal ${String(signal)}`));
  child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-8000)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the server did not listen within 30 s:\n${stderr}`)), 30_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /"port":(\d+).*"msg":"workspace server listening"/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', () => reject(new Error(`the server exited during start-up:\n${stderr}`)));
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    exited: () => exit,
    stderr: () => stderr,
    async stop() {
      if (exit === null) {
        const ended = new Promise(resolve => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([ended, new Promise(resolve => setTimeout(resolve, 5_000))]);
        if (exit === null) child.kill('SIGKILL');
      }
      await mariadb.stop();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}
