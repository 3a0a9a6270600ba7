/** The local queue of notes waiting for the workspace server, and the migration that adds it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatId } from '../../../common/domain';
import { openStore } from '../../../main/store';
import { storeWithChat } from './fixtures';
import { migrationsUpTo } from './migration-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'blazz-note-queue-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('0004_note_queue', () => {
  it('keeps the notes of an existing database as plain notes and adds an empty queue', () => {
    const file = join(dir, 'store.sqlite');
    const before = openStore({ file, migrationsDir: migrationsUpTo(dir, 4), checkpointEveryMs: 0 });
    before.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('a', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name) VALUES ('a:1@c.us', 'a', '1@c.us', 'One');
      INSERT INTO notes (id, chat_id, author_id, author_name, body, created_at)
        VALUES ('n1', 'a:1@c.us', 'm1', 'Ana', 'Call after 5', 10);`);
    expect(() => before.db.sqlite.prepare('SELECT count(*) FROM note_queue').get()).toThrow(/no such table/);
    before.close();

    const after = openStore({ file, checkpointEveryMs: 0 });
    expect(after.listNotes('a:1@c.us' as ChatId)).toEqual([
      {
        id: 'n1',
        chatId: 'a:1@c.us',
        authorId: 'm1',
        authorName: 'Ana',
        body: 'Call after 5',
        createdAt: 10,
        kind: 'note',
        draft: null,
        summary: null,
      },
    ]);
    expect(after.countQueuedNotes()).toBe(0);
    after.close();
  });
});

describe('note queue', () => {
  it('keeps notes in the order written; the same client id twice is one note', () => {
    const { store, chatId } = storeWithChat();
    store.enqueueNote({ clientNoteId: 'c1', chatId, body: 'first' }, 1);
    store.enqueueNote({ clientNoteId: 'c2', chatId, body: 'second' }, 2);
    store.enqueueNote({ clientNoteId: 'c1', chatId, body: 'first again' }, 3);
    expect(store.listQueuedNotes(chatId).map(q => [q.clientNoteId, q.body, q.state])).toEqual([
      ['c1', 'first', 'queued'],
      ['c2', 'second', 'queued'],
    ]);
    expect(store.nextQueuedNote()?.clientNoteId).toBe('c1');
    store.close();
  });

  it('records attempts; failed notes wait for the user and do not block the queue', () => {
    const { store, chatId } = storeWithChat();
    store.enqueueNote({ clientNoteId: 'c1', chatId, body: 'a' }, 1);
    store.enqueueNote({ clientNoteId: 'c2', chatId, body: 'b' }, 2);
    store.markNoteSending('c1', 100);
    store.markNoteQueued('c1', 'offline');
    store.markNoteSending('c1', 200);
    expect(store.getQueuedNote('c1')).toMatchObject({ state: 'sending', attempts: 2, firstSentAt: 100 });
    store.markNoteFailed('c1', 'no such chat');
    expect(store.nextQueuedNote()?.clientNoteId).toBe('c2');
    expect(store.countQueuedNotes()).toBe(1);
    expect(store.removeQueuedNote('c1')?.lastError).toBe('no such chat');
    expect(store.removeQueuedNote('c1')).toBeNull();
    store.close();
  });

  it('goes with its chat, and a sign-out clears it', () => {
    const { store, chatId } = storeWithChat();
    store.enqueueNote({ clientNoteId: 'c1', chatId, body: 'a' });
    store.deleteChat(chatId);
    expect(store.listQueuedNotes()).toEqual([]);
    const again = storeWithChat();
    again.store.enqueueNote({ clientNoteId: 'c2', chatId: again.chatId, body: 'b' });
    again.store.clearNoteQueue();
    expect(again.store.countQueuedNotes()).toBe(0);
    store.close();
    again.store.close();
  });

  it('stores a handover note with its draft and summary', () => {
    const { store, chatId } = storeWithChat();
    store.saveNote({
      id: 'h1',
      chatId,
      authorId: null,
      authorName: 'Lena',
      body: 'Over to you',
      createdAt: 5,
      kind: 'handover',
      draft: 'Halo kak',
      summary: 'Wants a refund',
    });
    expect(store.getNote('h1')).toMatchObject({ kind: 'handover', draft: 'Halo kak', summary: 'Wants a refund' });
    expect(store.listNotes(chatId)[0]).toMatchObject({ kind: 'handover' });
    store.close();
  });
});
