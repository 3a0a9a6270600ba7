import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../main/store';
import { journal, MIGRATIONS, migrationsUpTo } from './migration-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-migrations-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('migrations', () => {
  it('lists every migration file in the journal', () => {
    const tags = journal().entries.map(e => e.tag);
    expect(tags.slice(0, 2)).toEqual(['0000_initial_schema', '0001_search_index']);
    expect(tags).toContain('0003_inbox_covering_index');
    for (const tag of tags) expect(() => readFileSync(join(MIGRATIONS, `${tag}.sql`), 'utf8')).not.toThrow();
  });

  it('0001_search_index makes messages and chats stored before it searchable', () => {
    const file = join(dir, 'store.sqlite');
    const before = openStore({ file, migrationsDir: migrationsUpTo(dir, 1), checkpointEveryMs: 0 });
    before.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('a', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name, search_name) VALUES ('a:1@c.us', 'a', '1@c.us', 'Dewi', 'Dewi Lestari');
      INSERT INTO messages (seq, account_id, chat_id, provider_message_id, from_me, type, body, caption, ts, ack)
        VALUES (1024, 'a', 'a:1@c.us', 'p1', 0, 'text', 'paket sudah sampai', NULL, 1, 2),
               (2048, 'a', 'a:1@c.us', 'p2', 0, 'image', NULL, 'foto résumé', 2, 2),
               (3072, 'a', 'a:1@c.us', 'p3', 0, 'sticker', NULL, NULL, 3, 2);`);
    expect(() => before.searchMessages({ query: 'paket' })).toThrow(/no such (fts5 )?table/);
    before.close();

    const after = openStore({ file, checkpointEveryMs: 0 });
    expect(after.searchMessages({ query: 'paket' }).hits.map(h => h.message.providerMessageId)).toEqual(['p1']);
    expect(after.searchMessages({ query: 'resume' }).hits.map(h => h.message.providerMessageId)).toEqual(['p2']);
    expect(after.searchChats({ query: 'lestari' }).map(c => c.id)).toEqual(['a:1@c.us']);
    // Text-less rows stay out of the index, and deleting them keeps the index consistent.
    after.db.sqlite.exec('DELETE FROM messages');
    expect(() =>
      after.db.sqlite.exec("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)"),
    ).not.toThrow();
    expect(after.searchMessages({ query: 'paket' }).hits).toEqual([]);
    after.close();
  });

  it('0003_inbox_covering_index keeps the chats of an existing database and lets the inbox skip rows', () => {
    const file = join(dir, 'store.sqlite');
    const before = openStore({ file, migrationsDir: migrationsUpTo(dir, 3), checkpointEveryMs: 0 });
    before.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('a', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name, sort_ts, status) VALUES
        ('a:1@c.us', 'a', '1@c.us', 'One', 10, 'open'), ('a:2@c.us', 'a', '2@c.us', 'Two', 20, 'resolved');`);
    before.close();
    const after = openStore({ file, checkpointEveryMs: 0 });
    expect(after.inboxPage({}).items.map(c => c.id)).toEqual(['a:2@c.us', 'a:1@c.us']);
    expect(after.inboxPage({ statuses: ['open'] }).items.map(c => c.id)).toEqual(['a:1@c.us']);
    const columns = after.db.sqlite.prepare("SELECT name FROM pragma_index_info('chats_inbox')").pluck().all();
    expect(columns).toEqual([
      'archived',
      'pinned',
      'sort_ts',
      'id',
      'account_id',
      'status',
      'assignee_id',
      'unread_count',
    ]);
    after.close();
  });

  it('0006_chat_last_message_kind turns stored English previews into a kind and the text alone', () => {
    const file = join(dir, 'store.sqlite');
    const before = openStore({ file, migrationsDir: migrationsUpTo(dir, 6), checkpointEveryMs: 0 });
    before.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('a', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name, last_message_seq, last_message_preview) VALUES
        ('a:1@c.us', 'a', '1@c.us', 'Photo', 1024, '📷 Photo: kardus penyok'),
        ('a:2@c.us', 'a', '2@c.us', 'Deleted', 2048, 'This message was deleted'),
        ('a:3@c.us', 'a', '3@c.us', 'Text', 3072, 'paket sudah sampai'),
        ('a:4@c.us', 'a', '4@c.us', 'Empty', NULL, NULL);
      INSERT INTO messages (seq, account_id, chat_id, provider_message_id, from_me, type, body, caption, ts, ack, revoked)
        VALUES (1024, 'a', 'a:1@c.us', 'p1', 0, 'image', NULL, 'kardus penyok', 1, 2, 0),
               (2048, 'a', 'a:2@c.us', 'p2', 0, 'text', NULL, NULL, 2, 2, 1),
               (3072, 'a', 'a:3@c.us', 'p3', 0, 'text', 'paket sudah sampai', NULL, 3, 2, 0);`);
    before.close();

    const after = openStore({ file, checkpointEveryMs: 0 });
    const rows = after.db.sqlite
      .prepare('SELECT id, last_message_kind AS kind, last_message_preview AS preview FROM chats ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 'a:1@c.us', kind: 'image', preview: 'kardus penyok' },
      { id: 'a:2@c.us', kind: 'revoked', preview: '' },
      { id: 'a:3@c.us', kind: null, preview: 'paket sudah sampai' },
      { id: 'a:4@c.us', kind: null, preview: null },
    ]);
    after.close();
  });

  it('applies migrations once: reopening a database changes nothing', () => {
    const file = join(dir, 'store.sqlite');
    openStore({ file, checkpointEveryMs: 0 }).close();
    const again = openStore({ file, checkpointEveryMs: 0 });
    expect(again.db.sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(
      journal().entries.length,
    );
    again.close();
  });

  it('rolls a failing migration back as a whole and leaves the database as it was', () => {
    const file = join(dir, 'store.sqlite');
    const n = journal().entries.length;
    openStore({ file, checkpointEveryMs: 0 }).close();
    const broken = migrationsUpTo(dir, n, {
      tag: '9999_broken',
      sql: 'CREATE TABLE half_done (x INTEGER);\n--> statement-breakpoint\nTHIS IS NOT SQL;',
    });
    expect(() => openStore({ file, migrationsDir: broken, checkpointEveryMs: 0 })).toThrow();
    const raw = new Database(file);
    expect(raw.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get()).toBe(n);
    raw.close();
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const store = openStore({ file: join(dir, 'store.sqlite'), checkpointEveryMs: 0 });
    const p = (name: string) => store.db.sqlite.pragma(name, { simple: true });
    expect([p('journal_mode'), p('foreign_keys'), p('synchronous'), p('busy_timeout')]).toEqual(['wal', 1, 1, 5000]);
    store.close();
  });
});
