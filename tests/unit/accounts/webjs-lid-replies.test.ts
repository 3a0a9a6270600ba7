/**
 * Replies from another number to @lid customers, from the library's answers to the outbox
 * (issue #20): number A's webjs provider pairs lids with the library's own
 * `Client.getContactLidAndPhone` (whatsapp-web.js 1.34.7 through the fake page: `{ lid, pn }`
 * when WhatsApp Web knows the phone, `{ lid }` alone when it does not), the real store keeps
 * what was learned, and number B's reply goes to the phone when the pair is known and is
 * refused as `lid_only` before anything is queued when it is not.
 */
import { describe, expect, it } from 'vitest';
import { chatIdOf } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import { createOutboxSender } from '../../../main/core/outbox-sender';
import { silentLogger } from '../../../main/platform/log';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { rawMessage } from '../../helpers/accounts/fake-wweb';
import { waitFor } from '../../helpers/accounts/wait';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, contactsOf, useReadyWebjsRig } from '../../helpers/accounts/webjs-rig';
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

describe('a reply from number B to customers number A knows by lid', () => {
  it('goes to the phone the library paired, and is refused as lid_only for a lid it could not', async () => {
    fake.lids.set(SARI, SARI_LID);
    fake.contacts.set(SARI_LID, { pushname: 'Sari' });
    fake.contacts.set(HIDDEN_LID, { pushname: 'Tono' });
    fake.emit('message_create', fake.msg(rawMessage({ chat: SARI_LID, body: 'halo' })));
    fake.emit('message_create', fake.msg(rawMessage({ chat: HIDDEN_LID, body: 'permisi' })));
    await waitFor('both lids looked up', () => contacts().length === 2, 5000);
    // The library's answers: Sari's lid with her phone, Tono's lid alone.
    expect(contacts().map(c => [c.lid, c.jid])).toEqual(
      expect.arrayContaining([
        [SARI_LID, SARI],
        [HIDDEN_LID, null],
      ]),
    );

    const store = memoryStore();
    try {
      const a = addAccount(store, A);
      const b = addAccount(store, 'acc_b');
      store.ingest({ messages: r.messages() });
      store.ingest({ contacts: contacts() });
      const list = [a, b].map(id => ({ id, state: 'starting' }));
      const outbox = createOutboxSender({
        store,
        accounts: { list: () => list, request: () => Promise.reject(new Error('not asked')) } as never,
        events: { emit: () => undefined },
        log: silentLogger,
      });

      const toSari = outbox.send({ chatId: chatIdOf(b, SARI_LID), text: 'Halo Sari', quotedMessageId: null });
      expect(toSari.chatId).toBe(chatIdOf(b, SARI));

      let refused: unknown = null;
      try {
        outbox.send({ chatId: chatIdOf(b, HIDDEN_LID), text: 'Halo Tono', quotedMessageId: null });
      } catch (err) {
        refused = err;
      }
      expect(refused).toBeInstanceOf(CommandError);
      expect((refused as CommandError).code).toBe('lid_only');
      expect(store.listPendingOutbox(b).map(e => e.chatId)).toEqual([chatIdOf(b, SARI)]);
    } finally {
      store.close();
    }
  });
});
