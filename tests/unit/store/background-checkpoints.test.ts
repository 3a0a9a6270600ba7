/**
 * WAL checkpoints on a worker thread (main/store/checkpointer.ts): the app's connection no
 * longer checkpoints inside a commit, the worker moves the WAL into the database file, and
 * closing loses nothing.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store';

const settle = (ms: number) => new Promise(r => setTimeout(r, ms));

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await settle(20);
  }
}

describe('background WAL checkpoints', () => {
  it('the worker checkpoints while the connection does not, and a reopened store has every row', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'blazz-ckpt-')), 'blazz.sqlite');
    const store = openStore({ file, checkpointEveryMs: 0, backgroundCheckpointMs: 50 });
    const autoCheckpoint = () => store.db.sqlite.pragma('wal_autocheckpoint', { simple: true });
    // The connection stops checkpointing on commit once the worker has its own.
    await until(() => autoCheckpoint() === 0);
    store.db.sqlite.exec('CREATE TABLE ckpt_probe (id INTEGER PRIMARY KEY, body BLOB)');
    const insert = store.db.sqlite.prepare('INSERT INTO ckpt_probe (body) VALUES (?)');
    const sizeBefore = statSync(file).size;
    for (let i = 0; i < 200; i++) insert.run(Buffer.alloc(8192, i));
    // Nothing on this thread checkpoints now: only the worker can grow the database file.
    await until(() => statSync(file).size > sizeBefore + 200 * 8192);
    store.close();
    const reopened = new Database(file, { readonly: true });
    try {
      expect(reopened.prepare('SELECT count(*) AS n FROM ckpt_probe').get()).toEqual({ n: 200 });
    } finally {
      reopened.close();
    }
  });

  it('without the option the connection keeps SQLite’s checkpoint on commit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'blazz-ckpt-')), 'blazz.sqlite');
    const store = openStore({ file, checkpointEveryMs: 0 });
    try {
      expect(store.db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    } finally {
      store.close();
    }
  });
});
