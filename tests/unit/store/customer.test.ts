import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { T0, addAccount, chatOfJid, memoryStore, msg } from './fixtures';

let store: Store;
let a1: AccountId;
let a2: AccountId;
const PHONE = '6281234567';
const LID = '99887766@lid';
const image = {
  mimeType: 'image/jpeg',
  fileName: null,
  size: null,
  sha256: null,
  localPath: null,
  width: null,
  height: null,
  durationS: null,
  thumbnail: null,
};

beforeEach(() => {
  store = memoryStore();
  a1 = addAccount(store, 'acc1');
  a2 = addAccount(store, 'acc2');
});
afterEach(() => store.close());

const chatIds = (chatId: string) => store.customerProfile(chatOfJid(a1, chatId)).conversations.map(c => c.chat.id);

describe('customer profile: one person across our numbers', () => {
  it('joins the same phone on two numbers, whichever jid spelling each provider uses, with the first and last contact', () => {
    store.ingest({
      messages: [
        msg(a1, `${PHONE}@c.us`, { timestamp: T0 + 5_000 }),
        msg(a1, `${PHONE}@c.us`, { timestamp: T0 + 9_000 }),
        msg(a2, `${PHONE}@s.whatsapp.net`, { timestamp: T0 + 1_000 }),
        msg(a2, '6289999999@c.us', { timestamp: T0 + 20_000 }),
      ],
    });
    const p = store.customerProfile(chatOfJid(a1, `${PHONE}@c.us`));
    expect(p.phone).toBe(PHONE);
    expect(p.conversations.map(c => c.chat.id)).toEqual([
      chatOfJid(a1, `${PHONE}@c.us`),
      chatOfJid(a2, `${PHONE}@s.whatsapp.net`),
    ]);
    expect(p.conversations[0]).toMatchObject({ firstAt: T0 + 5_000, lastAt: T0 + 9_000 });
    expect(p.firstContactAt).toBe(T0 + 1_000);
    expect(p.lastContactAt).toBe(T0 + 9_000);
  });

  it('finds a hidden-number chat on another number through the lid pair one number learned', () => {
    store.ingest({ messages: [msg(a1, `${PHONE}@c.us`), msg(a2, LID)] });
    // Before anyone knows the pair, the lid chat is a different person with no number.
    expect(chatIds(`${PHONE}@c.us`)).toHaveLength(1);
    const hidden = store.customerProfile(chatOfJid(a2, LID));
    expect(hidden.phone).toBeNull();
    expect(hidden.conversations).toHaveLength(1);

    store.ingest({ contacts: [{ accountId: a1, jid: `${PHONE}@c.us`, lid: LID }] });
    expect(chatIds(`${PHONE}@c.us`)).toEqual(expect.arrayContaining([chatOfJid(a2, LID)]));
    const known = store.customerProfile(chatOfJid(a2, LID));
    expect(known.phone).toBe(PHONE);
    expect(known.conversations).toHaveLength(2);
  });

  it('lists shared media newest first across conversations, without deleted ones or other people’s', () => {
    store.ingest({
      messages: [
        msg(a1, `${PHONE}@c.us`, { type: 'image', body: null, media: image, providerMessageId: 'old', timestamp: T0 }),
        msg(a2, `${PHONE}@c.us`, {
          type: 'image',
          body: null,
          media: image,
          providerMessageId: 'new',
          timestamp: T0 + 60_000,
        }),
        msg(a2, `${PHONE}@c.us`, {
          type: 'image',
          body: null,
          media: image,
          providerMessageId: 'gone',
          revoked: true,
          timestamp: T0 + 90_000,
        }),
        msg(a1, '6280000000@c.us', { type: 'image', body: null, media: image, providerMessageId: 'other' }),
      ],
    });
    const p = store.customerProfile(chatOfJid(a1, `${PHONE}@c.us`));
    expect(p.media.map(m => m.providerMessageId)).toEqual(['new', 'old']);
  });

  it('answers not_found for an unknown chat and invalid_args for a group', () => {
    store.ingest({ chats: [{ accountId: a1, jid: '1203630@g.us', isGroup: true, name: 'Group', timestamp: T0 }] });
    expect(() => store.customerProfile(chatOfJid(a1, '1@c.us'))).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => store.customerProfile(chatOfJid(a1, '1203630@g.us'))).toThrow(
      expect.objectContaining({ code: 'invalid_args' }),
    );
  });
});
