import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';

const CHILD = fileURLToPath(new URL('./checkpoint-child.ts', import.meta.url));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-checkpointer-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const walBytes = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);
const autoCheckpoint = (store: Store) => store.db.sqlite.pragma('wal_autocheckpoint', { simple: true });

/** Commits `commits` transactions of 20 rows of 3 kB: about 20 WAL pages each. */
function burst(store: Store, commits: number): void {
  const db = store.db.sqlite;
  db.exec('CREATE TABLE IF NOT EXISTS burst (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
  const insert = db.prepare('INSERT INTO burst (payload) VALUES (randomblob(3000))');
  for (let c = 0; c < commits; c++)
    store.transaction(() => {
      for (let i = 0; i < 20; i++) insert.run();
    });
}

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * Another process's attempt to take `file` for itself (an EXCLUSIVE lock on the database file),
 * without waiting: 'exclusive', or its error code while this process has the file open.
 */
function otherProcessLocks(file: string): string {
  const script = `const D = require(${JSON.stringify(BETTER_SQLITE3)}); const db = new D(${JSON.stringify(file)});
    db.pragma('busy_timeout = 0');
    try { db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE'); db.exec('COMMIT'); process.stdout.write('exclusive'); }
    catch (e) { process.stdout.write(String(e.code || e.message)); }
    db.close();`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return r.stdout || r.stderr;
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 20));
  }
}

describe('checkpoint thread', () => {
  it('takes checkpoints off the commit, copies a burst back and truncates the WAL when quiet', async () => {
    const file = join(dir, 'store.sqlite');
    const store = openStore({ file, checkpointEveryMs: 20, checkpointIdleMs: 200 });
    expect(store.checkpointer).not.toBeNull();
    // The writer's commits no longer checkpoint: the thread does.
    expect(autoCheckpoint(store)).toBe(0);
    burst(store, 150);
    const afterBurst = walBytes(file);
    expect(afterBurst).toBeGreaterThan(1_000_000);
    await until(() => (store.checkpointer?.counts().truncate ?? 0) > 0);
    expect(store.checkpointer?.counts().passive).toBeGreaterThan(0);
    expect(walBytes(file)).toBe(0);
    // Everything is in the main file now: a reader of the file alone sees every row.
    expect(store.db.sqlite.prepare('SELECT count(*) FROM burst').pluck().get()).toBe(3000);
    store.close();
  });

  it('keeps the WAL bounded during a long burst: the writer restarts it once it is copied', async () => {
    const file = join(dir, 'store.sqlite');
    const store = openStore({ file, checkpointEveryMs: 5, checkpointIdleMs: 60_000 });
    let largest = 0;
    for (let round = 0; round < 20; round++) {
      burst(store, 20);
      // Give the thread its turn, as the event loop does between live batches: a checkpoint
      // after the round began, then time for the one that sees its last commit.
      const done = store.checkpointer?.counts().passive ?? 0;
      await until(() => (store.checkpointer?.counts().passive ?? 0) > done);
      await new Promise(r => setTimeout(r, 100));
      largest = Math.max(largest, store.checkpointer?.counts().walFrames ?? 0);
    }
    // 20 rounds of 20 commits × ~20 pages would be ~9,000 frames in one WAL; restarts keep it
    // to about a round (the file keeps its size and is written again from its start).
    expect(largest).toBeGreaterThan(0);
    expect(largest).toBeLessThan(3000);
    store.close();
  });

  it('keeps the WAL bounded under back-to-back commits that never leave a gap: RESTART', () => {
    const file = join(dir, 'store.sqlite');
    // 4,000 frames (16 MB) instead of the default 64 MB, so this 160 MB burst shows the bound.
    const store = openStore({ file, checkpointEveryMs: 5, checkpointIdleMs: 60_000, checkpointRestartFrames: 4000 });
    // 2,000 commits of ~20 pages with no await between them: about 160 MB of WAL if it is never
    // restarted, since every PASSIVE finds newer frames than it copied.
    let largest = 0;
    for (let step = 0; step < 40; step++) {
      burst(store, 50);
      largest = Math.max(largest, walBytes(file));
    }
    // The thread restarts past 4,000 frames (16 MB) here; what the writer adds while the thread
    // PASSIVEs, fsyncs and catches up comes on top (this burst writes ~120 MB/s: 74 MB seen before
    // the catch-up, 103–119 MB with it, on a loaded 2-core machine); without the RESTART: 188 MB.
    expect(largest).toBeLessThanOrEqual(128 * 1024 * 1024);
    expect(walBytes(file)).toBeLessThanOrEqual(128 * 1024 * 1024);
    expect(store.checkpointer?.counts().restart).toBeGreaterThan(0);
    // The store's transactions announce themselves, so each RESTART came after a catch-up.
    expect(store.checkpointer?.counts().catchUp).toBeGreaterThan(0);
    // Through the descriptor SQLite opened for the thread's connection (Linux's /proc finds it);
    // elsewhere the thread leaves the fsync to the RESTART.
    if (process.platform === 'linux') expect(store.checkpointer?.counts().fileSyncs).toBeGreaterThan(0);
    else expect(store.checkpointer?.counts().fileSyncs).toBe(0);
    expect(store.db.sqlite.prepare('SELECT count(*) FROM burst').pluck().get()).toBe(40_000);
    store.close();
  }, 120_000);

  it('runs no catch-up for a writer that does not announce its transactions (the raw baseline)', async () => {
    const file = join(dir, 'store.sqlite');
    const store = openStore({ file, checkpointEveryMs: 5, checkpointIdleMs: 60_000, checkpointRestartFrames: 500 });
    const db = store.db.sqlite;
    db.exec('CREATE TABLE burst (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO burst (payload) VALUES (randomblob(3000))');
    // better-sqlite3's own transactions, as bench/store/raw.ts writes: no beforeWrite.
    const commit = db.transaction(() => {
      for (let i = 0; i < 20; i++) insert.run();
    });
    let largest = 0;
    for (let round = 0; round < 10; round++) {
      for (let c = 0; c < 40; c++) commit();
      const done = store.checkpointer?.counts().passive ?? 0;
      await until(() => (store.checkpointer?.counts().passive ?? 0) > done);
      largest = Math.max(largest, store.checkpointer?.counts().walFrames ?? 0);
    }
    // ~800 frames a round: the thread saw the WAL past its threshold, and ran no catch-up.
    expect(largest).toBeGreaterThan(500);
    expect(store.checkpointer?.counts().catchUp).toBe(0);
    expect(store.checkpointer?.counts().fileSyncs).toBe(0);
    expect(db.prepare('SELECT count(*) FROM burst').pluck().get()).toBe(8000);
    store.close();
  }, 60_000);

  it("keeps this process's locks on the file when a second store on it writes, syncs and closes", async () => {
    const file = join(dir, 'store.sqlite');
    const first = openStore({ file, checkpointEveryMs: 5, checkpointIdleMs: 60_000 });
    burst(first, 5);
    expect(otherProcessLocks(file)).toBe('SQLITE_BUSY');
    // A second store on the same file writes, its thread checkpoints and fsyncs, and it closes.
    // Closing any descriptor on the file would drop every POSIX lock this process holds on it
    // (SQLite's connections share one record of them; a descriptor of our own would not), and
    // another process could then take the file for itself under the first store's connection.
    const second = openStore({ file, checkpointEveryMs: 5, checkpointIdleMs: 60_000 });
    burst(second, 5);
    const counts = () => second.checkpointer?.counts();
    await until(() => ((process.platform === 'linux' ? counts()?.fileSyncs : counts()?.passive) ?? 0) > 0);
    second.close();
    expect(otherProcessLocks(file)).toBe('SQLITE_BUSY');
    first.close();
    expect(otherProcessLocks(file)).toBe('exclusive');
  });

  it('ends its thread on close, and leaves no WAL behind', async () => {
    const file = join(dir, 'store.sqlite');
    const store = openStore({ file, checkpointEveryMs: 20 });
    const checkpointer = store.checkpointer;
    burst(store, 10);
    let exited = false;
    void checkpointer?.exited.then(() => (exited = true));
    store.close();
    await checkpointer?.exited;
    expect(exited).toBe(true);
    expect(walBytes(file)).toBe(0);
  });

  it('is not started for an in-memory store or when turned off; SQLite then checkpoints on commit', () => {
    const memory = openStore({ file: ':memory:' });
    expect(memory.checkpointer).toBeNull();
    memory.close();
    const off = openStore({ file: join(dir, 'off.sqlite'), checkpointEveryMs: 0 });
    expect(off.checkpointer).toBeNull();
    expect(autoCheckpoint(off)).toBe(1000);
    off.close();
  });

  it('loses no committed row when the process is killed while the thread checkpoints', async () => {
    const file = join(dir, 'store.sqlite');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let committed = 0;
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const killed = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const m = /^committed (\d+) (\d+)$/.exec(line);
          if (!m) continue;
          committed = Number(m[1]);
          // Many checkpoints done and more running: the thread looks every millisecond.
          if (Number(m[2]) >= 20 && !child.killed) child.kill('SIGKILL');
        }
      });
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`child exited with ${code}: ${stderr.slice(0, 2000)}`)),
      );
    });
    await killed;
    expect(committed).toBeGreaterThan(0);
    const store = openStore({ file, checkpointEveryMs: 0 });
    const db = store.db.sqlite;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT count(*) FROM burst').pluck().get() as number;
    // Every reported commit is there; at most the one committed before its line was written.
    expect(rows).toBeGreaterThanOrEqual(committed);
    expect(rows - committed).toBeLessThanOrEqual(50);
    store.close();
  });
});
