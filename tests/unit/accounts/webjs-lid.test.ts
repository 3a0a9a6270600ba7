/**
 * @lid chats and contacts through the webjs provider (issue #20): a chat, a sender or a
 * contact that arrives as `<digits>@lid` is paired with its phone by the library's own
 * `Client.getContactLidAndPhone` (whatsapp-web.js 1.34.7, through the fake page), and the
 * real store keeps one person as one contact and one chat.
 */
import { describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import { chatIdOf } from '../../../common/domain';
import type { IngestBatchInput, MessageInput } from '../../../common/ingest';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { ME, rawMessage } from '../../helpers/accounts/fake-wweb';
import { waitFor } from '../../helpers/accounts/wait';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, GROUP, contactsOf, useReadyWebjsRig } from '../../helpers/accounts/webjs-rig';
import { addAccount, memoryStore } from '../store/fixtures';

const SARI = '6285550001111@c.us';
const SARI_LID = '99887766554433@lid';
const HIDDEN_LID = '11223344556677@lid';

let r: WebjsRig;
let fake: FakeWwebClient;

useReadyWebjsRig(rig => {
  r = rig;
  fake = rig.fake;
});

const contacts = () => contactsOf(r);
// Our own lid is looked up at ready (quotes of our messages); these are the others.
const lookups = () => fake.calls.filter(c => c.startsWith('lidAndPhone') && c !== `lidAndPhone ${ME}`);
const settle = () => new Promise(resolve => setTimeout(resolve, 30));

describe('webjs provider: @lid chats and contacts', () => {
  it('pairs a lid chat with its phone, so the store keeps one chat and one contact', async () => {
    fake.lids.set(SARI, SARI_LID);
    fake.contacts.set(SARI_LID, { pushname: 'Sari' });
    const first = rawMessage({ chat: SARI_LID, body: 'halo, pesanan saya?' });
    fake.emit('message_create', fake.msg(first));
    fake.emit('message_create', fake.msg(rawMessage({ chat: SARI_LID, body: 'masih ada?' })));
    expect(r.messages().map(m => m.chatJid)).toEqual([SARI_LID, SARI_LID]);

    await waitFor('the pair', () => contacts().length === 1, 5000);
    expect(contacts()).toEqual([{ accountId: A, jid: SARI, lid: SARI_LID, phone: null, name: null, pushName: 'Sari' }]);
    await settle();
    // Asked once for the lid, however many messages it sends.
    expect(lookups()).toEqual([`lidAndPhone ${SARI_LID}`]);

    // The real store: the messages that arrived in the lid chat land in Sari's phone chat.
    const store = memoryStore();
    try {
      const acc = addAccount(store, A);
      store.ingest({ messages: r.messages() });
      store.ingest({ contacts: contacts() });
      const chats = store.inboxPage({ limit: 10 }).items;
      expect(chats.map(c => c.jid)).toEqual([SARI]);
      expect(chats[0]?.name).toBe('Sari');
      const page = store.chatPage({ chatId: chatIdOf(acc, SARI), limit: 10 });
      expect(page.messages.map(m => m.body)).toEqual(['halo, pesanan saya?', 'masih ada?']);
      // A later message still addressed to the lid goes to the same chat.
      store.ingest({ messages: [{ ...r.messages()[0]!, providerMessageId: 'later', body: 'lagi' }] });
      expect(store.inboxPage({ limit: 10 }).items.map(c => c.jid)).toEqual([SARI]);
      expect(store.chatWatermarks(acc as AccountId).get(SARI_LID)).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('pairs a group member who writes as a lid', async () => {
    fake.lids.set(SARI, SARI_LID);
    fake.emit('message_create', fake.msg(rawMessage({ chat: GROUP, sender: SARI_LID, body: 'saya ikut' })));
    await waitFor('the pair', () => contacts().length === 1, 5000);
    expect(contacts()[0]).toMatchObject({ jid: SARI, lid: SARI_LID });
  });

  it('a catch-up sends the lid chats paired before the chats and their messages', async () => {
    fake.lids.set(SARI, SARI_LID);
    fake.addChat(SARI_LID, '', 0);
    fake.addChat(HIDDEN_LID, '', 0);
    fake.remember(rawMessage({ chat: SARI_LID, body: 'dari lid', secondsAgo: 60 }));
    fake.remember(rawMessage({ chat: HIDDEN_LID, body: 'siapa saya', secondsAgo: 30 }));
    const batches: IngestBatchInput[] = [];
    await r.provider!.catchUp(new Map(), async b => void batches.push(b));
    // One lookup for every lid chat; the first batch is the pair.
    expect(lookups()).toEqual([`lidAndPhone ${SARI_LID},${HIDDEN_LID}`]);
    expect(batches[0]?.contacts).toEqual([
      { accountId: A, jid: SARI, lid: SARI_LID, phone: null, name: null, pushName: null },
    ]);
    // A chat WhatsApp knows no name for is sent without one, never with its digits as a name.
    const chatNames = batches.flatMap(b => b.chats ?? []).map(c => [c.jid, c.name]);
    expect(chatNames).toEqual(
      expect.arrayContaining([
        [SARI_LID, ''],
        [HIDDEN_LID, ''],
      ]),
    );

    const store = memoryStore();
    try {
      addAccount(store, A);
      for (const b of batches) store.ingest(b);
      const chats = store.inboxPage({ limit: 10 }).items;
      expect(chats.map(c => c.jid).sort()).toEqual([HIDDEN_LID, SARI].sort());
      // The hidden one has no name at all: the app words it ("Hidden number"), not its digits.
      expect(chats.find(c => c.jid === HIDDEN_LID)?.name).toBe('');
      expect(chats.find(c => c.jid === SARI)?.name).toBe('6285550001111');
    } finally {
      store.close();
    }
  });

  it('a lid WhatsApp Web cannot pair is reported with its name only; a failing lookup costs nothing', async () => {
    fake.contacts.set(HIDDEN_LID, { pushname: 'Tono' });
    fake.emit('unread_count', await fake.getChatById('none'));
    fake.addChat(HIDDEN_LID, '');
    fake.emit('unread_count', await fake.getChatById(HIDDEN_LID));
    await waitFor('the contact', () => contacts().length === 1, 5000);
    expect(contacts()).toEqual([
      { accountId: A, jid: null, lid: HIDDEN_LID, phone: null, name: null, pushName: 'Tono' },
    ]);

    fake.lidLookupFails = true;
    const other = '55554444333322@lid';
    fake.emit('message_create', fake.msg(rawMessage({ chat: other, body: 'x' })));
    await waitFor('the lookup', () => fake.calls.includes(`lidAndPhone ${other}`), 5000);
    await settle();
    expect(contacts()).toHaveLength(1);
    expect(r.messages().at(-1)?.chatJid).toBe(other);
  });

  it('phone chats are not looked up', async () => {
    fake.emit('message_create', fake.msg(rawMessage({ chat: SARI, body: 'halo' })));
    await settle();
    expect(lookups()).toEqual([]);
    expect((r.messages() as MessageInput[]).length).toBe(1);
  });
});
