/**
 * Replying from another of our numbers to a customer known on the first number only by a
 * privacy id (@lid), through the core's outbox and a real store: when one of our numbers
 * learned the lid's phone (lid_map), the reply goes to the other number's chat with that
 * phone; with the lid alone it is refused with `lid_only` before anything is queued.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import { chatIdOf } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import { createOutboxSender } from '../../../main/core/outbox-sender';
import { silentLogger } from '../../../main/platform/log';
import type { Store } from '../../../main/store';
import { addAccount, memoryStore, msg } from '../store/fixtures';

const LID = '99887766554433@lid';
const PHONE = '6281234567@c.us';
let store: Store;
let a: AccountId;
let b: AccountId;

function outbox() {
  // Not ready: nothing is sent, the test looks at what was queued.
  const list = [a, b].map(id => ({ id, state: 'starting' }));
  return createOutboxSender({
    store,
    accounts: { list: () => list, request: () => Promise.reject(new Error('not asked')) } as never,
    events: { emit: () => undefined },
    log: silentLogger,
  });
}

const refusal = (f: () => unknown): string | null => {
  try {
    f();
    return null;
  } catch (err) {
    return err instanceof CommandError
      ? `${err.code}/${String((err.details as { reason?: string })?.reason)}`
      : 'other';
  }
};

beforeEach(() => {
  store = memoryStore();
  a = addAccount(store, 'acc_a');
  b = addAccount(store, 'acc_b');
  // The customer wrote to number A as a lid only.
  store.ingest({ messages: [msg(a, LID, { body: 'halo dari lid' })] });
});
afterEach(() => store.close());

describe('a reply from another number to a lid-only customer', () => {
  it('is refused with lid_only before anything is queued while no number knows the phone', () => {
    const before = store.listPendingOutbox().length;
    expect(refusal(() => outbox().send({ chatId: chatIdOf(b, LID), text: 'Halo', quotedMessageId: null }))).toBe(
      'lid_only/lid_only',
    );
    expect(store.listPendingOutbox()).toHaveLength(before);
    expect(store.getChat(chatIdOf(b, LID))).toBeNull();
  });

  it('goes to the phone chat of the other number once a number learned the pair', () => {
    // Number B's WhatsApp paired the lid (getContactLidAndPhone answered { lid, pn }).
    store.ingest({ contacts: [{ accountId: b, jid: PHONE, lid: LID }] });
    const sent = outbox().send({ chatId: chatIdOf(b, LID), text: 'Halo', quotedMessageId: null });
    expect(sent.chatId).toBe(chatIdOf(b, PHONE));
    expect(store.listPendingOutbox(b).map(e => e.chatId)).toEqual([chatIdOf(b, PHONE)]);
  });

  it('reaches an existing phone chat of the other number, and the lid chat of the first still answers itself', () => {
    store.ingest({ messages: [msg(b, PHONE, { body: 'chat lama' })] });
    store.ingest({ contacts: [{ accountId: b, jid: PHONE, lid: LID }] });
    expect(outbox().send({ chatId: chatIdOf(b, LID), text: 'Halo', quotedMessageId: null }).chatId).toBe(
      chatIdOf(b, PHONE),
    );
    // The number the customer wrote to answers the lid chat as before.
    expect(outbox().send({ chatId: chatIdOf(a, LID), text: 'Halo', quotedMessageId: null }).chatId).toBe(
      chatIdOf(a, LID),
    );
  });
});
