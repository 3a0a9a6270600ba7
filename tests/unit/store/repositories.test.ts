import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, ChatId, MemberId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
let chatId: ChatId;

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
  store.ingest({ messages: [msg(acc, '6281@c.us', { body: 'halo kak' })] });
  chatId = chatOfJid(acc, '6281@c.us');
});
afterEach(() => store.close());

describe('accounts', () => {
  it('lists, updates state and config, and removes an account with everything it owns', () => {
    const other = addAccount(store, 'acc2');
    store.upsertAccount({
      ...store.getAccount(other)!,
      name: 'Renamed',
      config: { executablePath: '/usr/bin/chromium' },
    });
    store.setAccountState(other, 'logged_out');
    expect(store.getAccount(other)).toMatchObject({
      name: 'Renamed',
      lastState: 'logged_out',
      config: { executablePath: '/usr/bin/chromium' },
    });
    expect(store.listAccounts().map(a => a.id)).toEqual([acc, other]);

    store.ingest({
      reactions: [{ accountId: acc, providerMessageId: 'x', senderJid: '6281@c.us', emoji: '👍', timestamp: T0 }],
    });
    expect(store.removeAccount(acc)).toBe(true);
    const count = (t: string) => store.db.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect([count('chats'), count('messages'), count('reactions')]).toEqual([0, 0, 0]);
    expect(store.searchMessages({ query: 'halo' }).hits).toEqual([]);
    expect(() =>
      store.db.sqlite.prepare("INSERT INTO messages_fts(messages_fts, rank) VALUES ('integrity-check', 1)").run(),
    ).not.toThrow();
    expect(store.removeAccount(acc)).toBe(false);
  });
});

describe('notes and templates', () => {
  it('keeps notes per chat in order, and deletes them with their chat', () => {
    store.saveNote({
      id: 'n2',
      chatId,
      authorId: 'm1' as MemberId,
      authorName: 'Ana',
      body: 'second',
      createdAt: T0 + 2,
    });
    store.saveNote({ id: 'n1', chatId, authorId: null, authorName: 'Ana', body: 'first', createdAt: T0 + 1 });
    store.saveNote({ id: 'n1', chatId, authorId: null, authorName: 'Ana', body: 'first, edited', createdAt: T0 + 1 });
    expect(store.listNotes(chatId).map(n => n.body)).toEqual(['first, edited', 'second']);
    expect(store.deleteNote('n2')).toBe(true);
    expect(store.listNotes(chatId)).toHaveLength(1);
  });

  it('saves, lists by shortcut and deletes templates; a shortcut is unique', () => {
    store.saveTemplate({ id: 't1', shortcut: 'thanks', title: 'Thanks', body: 'Terima kasih {{contact.name}}' });
    store.saveTemplate({ id: 't2', shortcut: 'addr', title: 'Address', body: 'Alamat kami…' });
    expect(store.listTemplates().map(t => t.shortcut)).toEqual(['addr', 'thanks']);
    expect(store.templateByShortcut('thanks')?.id).toBe('t1');
    expect(() => store.saveTemplate({ id: 't3', shortcut: 'thanks', title: 'dup', body: '' })).toThrow();
    expect(store.deleteTemplate('t1')).toBe(true);
    expect(store.listTemplates().map(t => t.id)).toEqual(['t2']);
  });
});

describe('settings, sync cursors and AI tables', () => {
  it('round-trips JSON settings and cursors', () => {
    expect(store.getSetting('ui')).toBeUndefined();
    store.setSetting('ui', { theme: 'dark', density: 2, flags: [true, null] });
    expect(store.getSetting('ui')).toEqual({ theme: 'dark', density: 2, flags: [true, null] });
    store.deleteSetting('ui');
    expect(store.getSetting('ui')).toBeUndefined();
    expect(store.getSyncCursor('workspace')).toBeNull();
    store.setSyncCursor('workspace', '1042');
    store.setSyncCursor('workspace', '1043');
    expect(store.getSyncCursor('workspace')).toBe('1043');
  });

  it('merges chat insights and expires cached AI answers', () => {
    store.saveChatInsight(chatId, { sentiment: 'negative', urgency: 4 }, T0);
    const merged = store.saveChatInsight(chatId, { summary: 'Paket belum sampai', summaryAt: T0 + 5 }, T0 + 5);
    expect(merged).toEqual({
      chatId,
      sentiment: 'negative',
      urgency: 4,
      summary: 'Paket belum sampai',
      summaryAt: T0 + 5,
      updatedAt: T0 + 5,
    });
    store.putAiCache({ key: 'k1', kind: 'reply', value: '["Baik kak"]', createdAt: T0 });
    expect(store.getAiCache('k1', 1000, T0 + 500)?.value).toBe('["Baik kak"]');
    expect(store.getAiCache('k1', 1000, T0 + 5000)).toBeNull();
    expect(store.pruneAiCache('reply', T0 + 1)).toBe(1);
  });
});
