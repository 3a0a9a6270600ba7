/** The local queue of status/tag changes waiting for the workspace server, and its migration. */
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
  dir = mkdtempSync(join(tmpdir(), 'blazz-chat-change-queue-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('0005_chat_change_queue', () => {
  it('keeps the chats of an existing database and adds an empty queue', () => {
    const file = join(dir, 'store.sqlite');
    const before = openStore({ file, migrationsDir: migrationsUpTo(dir, 5), checkpointEveryMs: 0 });
    before.db.sqlite.exec(`
      INSERT INTO accounts (id, provider, name, color, created_at) VALUES ('a', 'simulator', 'A', '#000', 0);
      INSERT INTO chats (id, account_id, jid, name, status, tags, version)
        VALUES ('a:1@c.us', 'a', '1@c.us', 'One', 'pending', '["vip"]', 7);`);
    expect(() => before.db.sqlite.prepare('SELECT count(*) FROM chat_change_queue').get()).toThrow(/no such table/);
    before.close();

    const after = openStore({ file, checkpointEveryMs: 0 });
    expect(after.getChat('a:1@c.us' as ChatId)).toMatchObject({ status: 'pending', tags: ['vip'], version: 7 });
    expect(after.countChatChanges()).toBe(0);
    after.enqueueChatChange({ chatId: 'a:1@c.us' as ChatId, field: 'status', value: 'resolved', baseVersion: 7 });
    after.close();

    // The queue is in the file: it survives a restart.
    const reopened = openStore({ file, checkpointEveryMs: 0 });
    expect(reopened.listChatChanges()).toMatchObject([{ field: 'status', value: 'resolved', baseVersion: 7 }]);
    reopened.close();
  });
});

describe('chat change queue', () => {
  it('holds one row per chat and field; a newer change keeps the version first seen', () => {
    const { store, chatId } = storeWithChat();
    store.enqueueChatChange({ chatId, field: 'status', value: 'pending', baseVersion: 3 }, 1);
    store.enqueueChatChange({ chatId, field: 'tags', value: ['vip'], baseVersion: 3 }, 2);
    store.enqueueChatChange({ chatId, field: 'status', value: 'resolved', baseVersion: 4 }, 3);
    expect(store.listChatChanges(chatId).map(c => [c.field, c.value, c.baseVersion, c.state])).toEqual([
      ['status', 'resolved', 3, 'queued'],
      ['tags', ['vip'], 3, 'queued'],
    ]);
    expect(store.nextChatChange()?.field).toBe('status');
    store.close();
  });

  it('keeps a conflict with the server side until the agent decides; conflicts do not block', () => {
    const { store, chatId } = storeWithChat();
    store.enqueueChatChange({ chatId, field: 'status', value: 'resolved', baseVersion: 3 }, 1);
    store.enqueueChatChange({ chatId, field: 'tags', value: ['a'], baseVersion: 3 }, 2);
    store.markChatChangeSending(chatId, 'status');
    store.markChatChangeConflict(chatId, 'status', { value: 'pending', version: 5, by: 'Lena' });
    expect(store.getChatChange(chatId, 'status')).toMatchObject({
      state: 'conflict',
      serverValue: 'pending',
      serverVersion: 5,
      serverBy: 'Lena',
    });
    expect(store.nextChatChange()?.field).toBe('tags');
    expect(store.countChatChanges()).toBe(1);
    expect(store.requeueChatChange(chatId, 'status', 5)).toBe(true);
    expect(store.getChatChange(chatId, 'status')).toMatchObject({ state: 'queued', baseVersion: 5, serverValue: null });
    expect(store.requeueChatChange(chatId, 'status', 6)).toBe(false);
    expect(store.removeChatChange(chatId, 'status')).toBe(true);
    expect(store.removeChatChange(chatId, 'status')).toBe(false);
    store.close();
  });

  it('shows the wanted value on the chat without taking the version', () => {
    const { store, chatId } = storeWithChat();
    store.applyChatWorkspace(chatId, { status: 'open', assigneeId: null, tags: [], version: 2 });
    store.showChatChange(chatId, 'status', 'resolved');
    store.showChatChange(chatId, 'tags', ['vip']);
    expect(store.getChat(chatId)).toMatchObject({ status: 'resolved', tags: ['vip'], version: 2 });
    // The server's next view still wins.
    store.applyChatWorkspace(chatId, { status: 'pending', assigneeId: null, tags: [], version: 3 });
    expect(store.getChat(chatId)).toMatchObject({ status: 'pending', tags: [] });
    store.close();
  });

  it('goes with its chat; a damaged row reads as nothing; a sign-out clears it', () => {
    const { store, chatId } = storeWithChat();
    store.enqueueChatChange({ chatId, field: 'status', value: 'open', baseVersion: 1 });
    store.deleteChat(chatId);
    expect(store.listChatChanges()).toEqual([]);
    const again = storeWithChat();
    again.store.enqueueChatChange({ chatId: again.chatId, field: 'tags', value: ['x'], baseVersion: 1 });
    again.store.db.sqlite.exec(`UPDATE chat_change_queue SET value = '{bad'`);
    expect(again.store.listChatChanges()).toEqual([]);
    again.store.clearChatChanges();
    expect(again.store.db.sqlite.prepare('SELECT count(*) FROM chat_change_queue').pluck().get()).toBe(0);
    store.close();
    again.store.close();
  });
});
