/**
 * @mentions in the store (issue #20, migration 0017): the mentioned jids are kept with the
 * message and read back with what this number's contacts know of each, so a name learned
 * after the message arrived shows too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, MessageId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from './fixtures';

let store: Store;
let acc: AccountId;
const GROUP = '120363000000000001@g.us';
const BUDI = '6281234567890@c.us';
const LID = '99887766554433@lid';
const SARI = '6285550001111@c.us';
const STRANGER = '6289999999999@c.us';

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

const mentioning = () => ({
  ...msg(acc, GROUP, { body: 'Halo @6281234567890, @99887766554433 dan @6289999999999' }),
  mentions: [BUDI, LID, STRANGER],
});
const read = (providerMessageId: string) =>
  store.getMessages([`${acc}:${providerMessageId}` as MessageId])[0]?.mentions;

describe('mentions in the store', () => {
  it('reads each mention with the contact’s name and phone; unknown ones as bare jids', () => {
    store.ingest({
      contacts: [{ accountId: acc, jid: BUDI, name: 'Budi Santoso', pushName: 'Budi' }],
    });
    const m = mentioning();
    store.ingest({ messages: [m] });
    expect(read(m.providerMessageId)).toEqual([
      { jid: BUDI, name: 'Budi Santoso', phone: '6281234567890' },
      { jid: LID, name: null, phone: null },
      { jid: STRANGER, name: null, phone: null },
    ]);
    // The conversation page carries them too.
    const page = store.chatPage({ chatId: chatOfJid(acc, GROUP) });
    expect(page.messages.at(-1)?.mentions?.[0]?.name).toBe('Budi Santoso');
  });

  it('shows a name and a lid’s phone learned after the message arrived', () => {
    const m = mentioning();
    store.ingest({ messages: [m] });
    store.ingest({ contacts: [{ accountId: acc, jid: SARI, lid: LID, pushName: 'Sari' }] });
    expect(read(m.providerMessageId)?.[1]).toEqual({ jid: LID, name: 'Sari', phone: '6285550001111' });
  });

  it('keeps the mentions when the message arrives again without them, and stores none for none', () => {
    const m = mentioning();
    store.ingest({ messages: [m] });
    const { mentions: _dropped, ...again } = m;
    void _dropped;
    store.ingest({ messages: [{ ...again, edited: true, body: 'Halo @6281234567890!' }] });
    expect(read(m.providerMessageId)?.map(x => x.jid)).toEqual([BUDI, LID, STRANGER]);
    const plain = msg(acc, GROUP, { body: 'no one @here' });
    store.ingest({ messages: [plain] });
    expect(read(plain.providerMessageId)).toBeUndefined();
  });

  it('refuses a mention that is not a person’s or group’s jid, without the rest of the batch', () => {
    const bad = { ...msg(acc, GROUP, { body: '@x' }), mentions: ['<script>@c.us'] };
    const good = mentioning();
    const report = store.ingest({ messages: [bad, good] });
    expect(report.messagesInserted).toBe(1);
    expect(report.rejected.length).toBe(1);
  });

  it('gives the chat list the last message’s mentions with names, and none once a plainer message follows', () => {
    store.ingest({ contacts: [{ accountId: acc, jid: BUDI, name: 'Budi Santoso', pushName: 'Budi' }] });
    const m = mentioning();
    store.ingest({ messages: [m] });
    const chat = () => store.getChat(chatOfJid(acc, GROUP));
    expect(chat()?.lastMessagePreview).toBe('Halo @6281234567890, @99887766554433 dan @6289999999999');
    expect(chat()?.lastMessageMentions).toEqual([
      { jid: BUDI, name: 'Budi Santoso', phone: '6281234567890' },
      { jid: LID, name: null, phone: null },
      { jid: STRANGER, name: null, phone: null },
    ]);
    // The inbox page carries them too, and a name learned later shows there.
    store.ingest({ contacts: [{ accountId: acc, jid: SARI, lid: LID, pushName: 'Sari' }] });
    const row = store.inboxPage({ accountIds: [acc], cursor: null, limit: 50 }).items.find(c => c.jid === GROUP);
    expect(row?.lastMessageMentions?.[1]).toEqual({ jid: LID, name: 'Sari', phone: '6285550001111' });
    store.ingest({ messages: [msg(acc, GROUP, { body: 'thanks', timestamp: m.timestamp + 1_000 })] });
    expect(chat()?.lastMessageMentions).toBeUndefined();
  });
});
