/**
 * The store as the core process's first step opens it, without drizzle (#23): it tells a
 * file that lacks a migration exactly as drizzle's migrator would and migrates it first,
 * applies a staged restore before opening, answers the first screen's reads, and hands its
 * connection to the whole store.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completeStore, openStore } from '../../../main/store';
import { migrationsPending, openSqlite } from '../../../main/store/connection';
import { openFirstStep } from '../../../main/store/first-step';
import { silentLogger } from '../../../main/platform/log';
import { addAccount, msg } from './fixtures';
import { journal, migrationsUpTo } from './migration-fixtures';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-first-step-'));
  file = join(dir, 'blazz.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const firstStep = () =>
  openFirstStep({ file, backupsDir: join(dir, 'backups'), log: silentLogger, now: () => 1_700_000_000_000 });

/** A store holding one chat with one message from `name`. */
function storeWith(path: string, name: string): void {
  const store = openStore({ file: path, checkpointEveryMs: 0 });
  const acc = addAccount(store, 'acc1');
  store.ingest({
    chats: [{ accountId: acc, jid: '6281@c.us', name, isGroup: false }],
    messages: [msg(acc, '6281@c.us')],
  });
  store.close();
}

const pendingOf = (migrationsDir?: string): boolean => {
  const sqlite = openSqlite({ file });
  try {
    return migrationsPending(sqlite, migrationsDir);
  } finally {
    sqlite.close();
  }
};

describe("the first step's store", () => {
  it('sees a missing migration as drizzle does: none applied, or the newest applied older than one carried', () => {
    expect(pendingOf()).toBe(true);
    openStore({ file, migrationsDir: migrationsUpTo(dir, 3), checkpointEveryMs: 0 }).close();
    expect(pendingOf(migrationsUpTo(dir, 3))).toBe(false);
    expect(pendingOf()).toBe(true);
    openStore({ file, checkpointEveryMs: 0 }).close();
    expect(pendingOf()).toBe(false);
    // A database made by a newer app (more migrations than this build knows) is not "pending".
    expect(pendingOf(migrationsUpTo(dir, 2))).toBe(false);
    const sqlite = openSqlite({ file });
    sqlite.exec(
      'DELETE FROM __drizzle_migrations WHERE rowid = (SELECT rowid FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1)',
    );
    sqlite.close();
    expect(pendingOf()).toBe(true);
    expect(journal().entries.length).toBeGreaterThan(3);
  });

  it('migrates a file that lacks migrations before answering, then reads the first screen', async () => {
    const old = openStore({ file, migrationsDir: migrationsUpTo(dir, 3), checkpointEveryMs: 0 });
    old.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('a', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name, sort_ts, status) VALUES ('a:1@c.us', 'a', '1@c.us', 'One', 10, 'open');`);
    old.close();
    const first = await firstStep();
    try {
      expect(first.inboxPage({}).items.map(c => c.name)).toEqual(['One']);
      expect(first.getChat('a:1@c.us' as never)?.name).toBe('One');
      expect(first.unreadCounts().map(u => u.accountId)).toEqual(['a']);
      expect(migrationsPending(first.db.sqlite)).toBe(false);
    } finally {
      first.close();
    }
  });

  it('applies a staged restore before it opens the database, keeping the one it replaces', async () => {
    storeWith(file, 'Now');
    const backup = join(dir, 'backup.sqlite');
    storeWith(backup, 'Backed up');
    copyFileSync(backup, `${file}.restore`);
    const first = await firstStep();
    try {
      expect(first.inboxPage({}).items.map(c => c.name)).toEqual(['Backed up']);
      expect(existsSync(`${file}.before-restore`)).toBe(true);
      expect(existsSync(`${file}.restore`)).toBe(false);
    } finally {
      first.close();
    }
  });

  it('hands its connection to the whole store, which writes through it', async () => {
    storeWith(file, 'Budi');
    const first = await firstStep();
    const page = first.chatPage({ chatId: 'acc1:6281@c.us' as never, limit: 10 });
    expect(page.messages).toHaveLength(1);
    const store = completeStore(first.db, { file, checkpointEveryMs: 0 });
    try {
      expect(store.db.sqlite).toBe(first.db.sqlite);
      store.ingest({ messages: [msg('acc1' as never, '6281@c.us')] });
      expect(first.chatPage({ chatId: 'acc1:6281@c.us' as never, limit: 10 }).messages).toHaveLength(2);
      expect(store.inboxPage({}).items.map(c => c.name)).toEqual(['Budi']);
    } finally {
      store.close();
    }
  });
});
