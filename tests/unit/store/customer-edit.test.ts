import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { T0, addAccount, chatOfJid, memoryStore, msg } from './fixtures';

let store: Store;
let a1: AccountId;
let a2: AccountId;
const PHONE = '6281234567';

beforeEach(() => {
  store = memoryStore();
  a1 = addAccount(store, 'acc1');
  a2 = addAccount(store, 'acc2');
  store.ingest({
    contacts: [{ accountId: a1, jid: `${PHONE}@c.us`, lid: null, phone: PHONE, name: 'Budi WA', pushName: null }],
    messages: [
      msg(a1, `${PHONE}@c.us`, { timestamp: T0 + 1_000 }),
      msg(a2, `${PHONE}@s.whatsapp.net`, { timestamp: T0 + 2_000 }),
      msg(a1, '6289999999@c.us', { timestamp: T0 + 3_000 }),
    ],
  });
});
afterEach(() => store.close());

const c1 = () => chatOfJid(a1, `${PHONE}@c.us`);
const c2 = () => chatOfJid(a2, `${PHONE}@s.whatsapp.net`);

describe('the team’s name and labels for a customer', () => {
  it('names the person on every number: the profile, both chats in the list and chat search, and only them', () => {
    const { chatIds, accountIds } = store.updateCustomer(c1(), { customName: 'Pak Budi (VIP)', labels: ['VIP'] }, T0);
    expect(new Set(chatIds)).toEqual(new Set([c1(), c2()]));
    expect(new Set(accountIds)).toEqual(new Set([a1, a2]));
    const p = store.customerProfile(c2());
    expect(p).toMatchObject({ name: 'Pak Budi (VIP)', customName: 'Pak Budi (VIP)', labels: ['VIP'] });
    expect(store.getChat(c1())?.name).toBe('Pak Budi (VIP)');
    expect(store.getChat(c2())?.name).toBe('Pak Budi (VIP)');
    expect(store.getChat(chatOfJid(a1, '6289999999@c.us'))?.name).not.toBe('Pak Budi (VIP)');
    expect(
      store
        .searchChats({ query: 'VIP' })
        .map(c => c.id)
        .sort(),
    ).toEqual([c1(), c2()].sort());
  });

  it('clearing the name shows WhatsApp’s again; labels alone leave the name as it is', () => {
    store.updateCustomer(c1(), { customName: 'Pak Budi' }, T0);
    store.updateCustomer(c1(), { labels: ['wholesale', 'late payer'] }, T0);
    expect(store.customerProfile(c1())).toMatchObject({ customName: 'Pak Budi', labels: ['wholesale', 'late payer'] });
    store.updateCustomer(c1(), { customName: null }, T0);
    const p = store.customerProfile(c1());
    expect(p.customName).toBeNull();
    expect(p.name).toBe('Budi WA');
    expect(p.whatsAppName).toBe('Budi WA');
    expect(store.getChat(c1())?.name).toBe('Budi WA');
  });

  it('a new contact push from WhatsApp keeps the team’s name', () => {
    store.updateCustomer(c1(), { customName: 'Pak Budi' }, T0);
    store.ingest({
      contacts: [{ accountId: a1, jid: `${PHONE}@c.us`, lid: null, phone: PHONE, name: 'Budi New', pushName: 'B' }],
      chats: [{ accountId: a1, jid: `${PHONE}@c.us`, name: 'Budi New', isGroup: false }],
    });
    expect(store.customerProfile(c1())).toMatchObject({ name: 'Pak Budi', whatsAppName: 'Budi New' });
  });

  it('a workspace fact for one number renames that number’s chat with the person', () => {
    const changed = store.applyContactProfile(
      { accountId: a2, jid: `${PHONE}@s.whatsapp.net`, lid: null, customName: 'Ibu Sari', labels: ['new'] },
      T0,
    );
    expect(changed).toEqual([c2()]);
    expect(store.getChat(c2())?.name).toBe('Ibu Sari');
    expect(store.customerProfile(c2())).toMatchObject({ customName: 'Ibu Sari', labels: ['new'] });
    // Labels only: the name stays.
    expect(
      store.applyContactProfile({ accountId: a2, jid: `${PHONE}@s.whatsapp.net`, lid: null, labels: [] }, T0),
    ).toEqual([]);
    expect(store.getChat(c2())?.name).toBe('Ibu Sari');
  });

  it('keeps a note about the person on every number, without renaming; null clears it', () => {
    const { chatIds } = store.updateCustomer(c1(), { note: 'Prefers Bahasa.\nOrders on Fridays.' }, T0);
    expect(chatIds).toEqual([]);
    expect(store.customerProfile(c2())).toMatchObject({
      note: 'Prefers Bahasa.\nOrders on Fridays.',
      customName: null,
    });
    expect(store.getChat(c1())?.name).toBe('Budi WA');
    store.updateCustomer(c2(), { note: null }, T0);
    expect(store.customerProfile(c1()).note).toBeNull();
    // A workspace fact carries the note to one number's contact.
    store.applyContactProfile(
      { accountId: a2, jid: `${PHONE}@s.whatsapp.net`, lid: null, note: 'From a teammate' },
      T0,
    );
    expect(store.customerProfile(c2()).note).toBe('From a teammate');
  });

  it('refuses a group: a group is not one person', () => {
    store.ingest({ messages: [msg(a1, '1203630@g.us', { timestamp: T0 })] });
    expect(() => store.updateCustomer(chatOfJid(a1, '1203630@g.us'), { customName: 'x' }, T0)).toThrow(/group/i);
  });
});
