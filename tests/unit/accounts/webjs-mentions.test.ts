/**
 * @mentions through the webjs provider, with whatsapp-web.js 1.34.7's own Message (its
 * `mentionedIds` from WhatsApp's `mentionedJidList`) and Contact classes: the mentioned ids
 * travel with the message, and each person is looked up once and reported as a contact, so
 * the store (here the real one) reads the message with their names.
 */
import { describe, expect, it } from 'vitest';
import type { MessageId } from '../../../common/domain';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { rawMessage } from '../../helpers/accounts/fake-wweb';
import { waitFor } from '../../helpers/accounts/wait';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, GROUP, contactsOf, useReadyWebjsRig } from '../../helpers/accounts/webjs-rig';
import { addAccount, memoryStore } from '../store/fixtures';

const BUDI = '6281234567890@c.us';
const LID = '99887766554433@lid';
const SARI = '6285550001111@c.us';

let r: WebjsRig;
let fake: FakeWwebClient;

useReadyWebjsRig(rig => {
  r = rig;
  fake = rig.fake;
});

const contacts = () => contactsOf(r);

describe('webjs provider: mentions', () => {
  it('carries mentionedIds with the message and reports each mentioned person once, as a contact', async () => {
    fake.contacts.set(BUDI, { name: 'Budi Santoso', pushname: 'Budi', userid: '6281234567890' });
    fake.contacts.set(LID, { pushname: 'Sari' });
    fake.lids.set(SARI, LID);
    const raw = rawMessage({
      chat: GROUP,
      body: 'Halo @6281234567890 dan @99887766554433',
      // WhatsApp Web may hand the list over serialized or as Wid objects; junk is left out.
      mentionedJidList: [BUDI, { _serialized: LID }, 'not-a-jid'],
    });
    fake.emit('message_create', fake.msg(raw));
    expect(r.messages().at(-1)?.mentions).toEqual([BUDI, LID]);

    await waitFor('two contacts', () => contacts().length === 2, 5000);
    expect(contacts()).toEqual(
      expect.arrayContaining([
        { accountId: A, jid: BUDI, lid: null, phone: null, name: 'Budi Santoso', pushName: 'Budi' },
        { accountId: A, jid: SARI, lid: LID, phone: null, name: null, pushName: 'Sari' },
      ]),
    );

    // The same people mentioned again are not looked up again.
    fake.emit(
      'message_create',
      fake.msg(rawMessage({ chat: GROUP, body: '@6281234567890', mentionedJidList: [BUDI] })),
    );
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(fake.calls.filter(c => c === `contact ${BUDI}`)).toHaveLength(1);

    // The real store reads the message with their names (and the lid's phone).
    const store = memoryStore();
    try {
      addAccount(store, A);
      store.ingest({ contacts: contacts(), messages: [r.messages()[0]!] });
      const [stored] = store.getMessages([`${A}:${raw.id._serialized}` as MessageId]);
      expect(stored?.mentions).toEqual([
        { jid: BUDI, name: 'Budi Santoso', phone: '6281234567890' },
        { jid: LID, name: 'Sari', phone: '6285550001111' },
      ]);
    } finally {
      store.close();
    }
  });

  it('a message without mentions has none, and a person WhatsApp knows nothing of is not reported', async () => {
    fake.emit('message_create', fake.msg(rawMessage({ chat: GROUP, body: 'mail me @ noon' })));
    expect(r.messages().at(-1)).not.toHaveProperty('mentions');
    fake.emit(
      'message_create',
      fake.msg(rawMessage({ chat: GROUP, body: '@6287777777777', mentionedJidList: ['6287777777777@c.us'] })),
    );
    await waitFor('the lookup', () => fake.calls.includes('contact 6287777777777@c.us'), 5000);
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(contacts()).toEqual([]);
  });
});
