import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from './fixtures';

let store: Store;
let acc: AccountId;
const PHONE_JID = '6281234567@c.us';
const LID = '99887766@lid';

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

const contacts = () =>
  store.db.sqlite.prepare('SELECT jid, lid, phone, name, push_name FROM contacts ORDER BY id').all() as {
    jid: string | null;
    lid: string | null;
    phone: string | null;
    name: string | null;
    push_name: string | null;
  }[];

describe('contacts: lid ↔ phone', () => {
  it('merges a lid-only contact and a phone contact into one person once the pair is learned', () => {
    store.ingest({ contacts: [{ accountId: acc, lid: LID, pushName: 'Budi' }] });
    store.ingest({ contacts: [{ accountId: acc, jid: PHONE_JID, name: 'Budi Santoso' }] });
    expect(contacts()).toHaveLength(2);
    store.ingest({ contacts: [{ accountId: acc, jid: PHONE_JID, lid: LID }] });
    expect(contacts()).toEqual([
      { jid: PHONE_JID, lid: LID, phone: '6281234567', name: 'Budi Santoso', push_name: 'Budi' },
    ]);
  });

  it('moves messages of the lid chat into the phone chat, keeping unread counts, and drops the lid chat', () => {
    store.ingest({ messages: [msg(acc, PHONE_JID, { body: 'dari nomor' })] });
    store.ingest({ messages: [msg(acc, LID, { body: 'dari lid' }), msg(acc, LID, { body: 'lagi' })] });
    expect(store.inboxPage({}).items).toHaveLength(2);
    const report = store.ingest({ contacts: [{ accountId: acc, jid: PHONE_JID, lid: LID, name: 'Budi' }] });
    expect(report.chatIds).toEqual([chatOfJid(acc, PHONE_JID)]);
    const chats = store.inboxPage({}).items;
    expect(chats.map(c => c.id)).toEqual([chatOfJid(acc, PHONE_JID)]);
    expect(chats[0]).toMatchObject({ unreadCount: 3, lastMessagePreview: 'lagi' });
    const bodies = store.chatPage({ chatId: chatOfJid(acc, PHONE_JID) }).messages.map(m => m.body);
    expect(bodies).toEqual(['dari nomor', 'dari lid', 'lagi']);
  });

  it('files later messages addressed to the lid under the phone chat', () => {
    store.ingest({ contacts: [{ accountId: acc, jid: PHONE_JID, lid: LID }] });
    store.ingest({ messages: [msg(acc, LID, { body: 'via lid' })] });
    expect(store.chatPage({ chatId: chatOfJid(acc, PHONE_JID) }).messages.map(m => m.body)).toEqual(['via lid']);
    expect(store.getChat(chatOfJid(acc, LID))).toBeNull();
  });

  it('names a new chat after its contact and makes it findable by contact name and phone', () => {
    store.ingest({ contacts: [{ accountId: acc, jid: PHONE_JID, name: 'Siti Lestari', pushName: 'Siti' }] });
    store.ingest({ messages: [msg(acc, PHONE_JID)] });
    expect(store.getChat(chatOfJid(acc, PHONE_JID))?.name).toBe('Siti Lestari');
    expect(store.searchChats({ query: 'lestari' }).map(c => c.id)).toEqual([chatOfJid(acc, PHONE_JID)]);
    expect(store.searchChats({ query: '628123' }).map(c => c.id)).toEqual([chatOfJid(acc, PHONE_JID)]);
  });

  it('rejects a contact with neither jid nor lid', () => {
    const r = store.ingest({ contacts: [{ accountId: acc, name: 'ghost' }] });
    expect(r.rejectedCount).toBe(1);
    expect(r.rejected[0]?.reason).toMatch(/jid or a lid/);
  });
});

describe('chat names', () => {
  it('keeps a known name when WhatsApp reports the chat without one', () => {
    const store2 = memoryStore();
    const a = addAccount(store2);
    store2.ingest({ contacts: [{ accountId: a, jid: PHONE_JID, name: 'Agus' }], messages: [msg(a, PHONE_JID)] });
    store2.ingest({ chats: [{ accountId: a, jid: PHONE_JID, isGroup: false, name: '' }] });
    expect(store2.getChat(chatOfJid(a, PHONE_JID))?.name).toBe('Agus');
    store2.ingest({ chats: [{ accountId: a, jid: PHONE_JID, isGroup: false, name: 'Agus (toko)' }] });
    expect(store2.getChat(chatOfJid(a, PHONE_JID))?.name).toBe('Agus (toko)');
    store2.close();
  });
});
