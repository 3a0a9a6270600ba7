/**
 * Editing and deleting our own messages through whatsapp-web.js 1.34.7's Message.edit and
 * Message.delete, driven by the fake Client whose page answers as WhatsApp Web does
 * (canEditText within 15 minutes, canSenderRevokeMsg within about two days, and the
 * library's silent "delete for me" when a revoke is refused).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatsAppProvider } from '../../../main/accounts/provider';
import type { FakeWwebClient } from '../../helpers/accounts/fake-wweb';
import { rawMessage } from '../../helpers/accounts/fake-wweb';
import type { WebjsRig } from '../../helpers/accounts/webjs-rig';
import { A, CUSTOMER, createWebjsRig } from '../../helpers/accounts/webjs-rig';

let r: WebjsRig;
let fake: FakeWwebClient;
let provider: WhatsAppProvider;

beforeEach(async () => {
  r = createWebjsRig();
  fake = r.fake;
  provider = await r.start();
  r.ready();
});
afterEach(() => r.dispose());

const sentText = async (text: string) => {
  const m = await provider.request({
    op: 'sendText',
    chatJid: CUSTOMER,
    text,
    quotedProviderMessageId: null,
    clientMessageId: null,
  });
  r.store.ingest({ messages: [m] });
  return m.providerMessageId;
};

describe('webjs provider: edit our own message', () => {
  it('edits through Message.edit and the store shows the new text as edited', async () => {
    const id = await sentText('Harga 10.000');
    const outcome = await provider.request({
      op: 'editMessage',
      chatJid: CUSTOMER,
      providerMessageId: id,
      text: 'Harga 12.000',
    });
    expect(outcome).toBe('done');
    expect(fake.pageActions).toEqual([`edit ${id}`]);
    expect(r.store.message(A, id)).toMatchObject({ body: 'Harga 12.000', edited: true });
    expect(r.events.filter(e => e.kind === 'edit').length).toBeGreaterThanOrEqual(1);
  });

  it('answers too_late when WhatsApp Web refuses (past 15 minutes) and changes nothing', async () => {
    const old = fake.remember(rawMessage({ chat: CUSTOMER, fromMe: true, body: 'lama', secondsAgo: 16 * 60 }));
    const id = old.id._serialized;
    expect(await provider.request({ op: 'editMessage', chatJid: CUSTOMER, providerMessageId: id, text: 'baru' })).toBe(
      'too_late',
    );
    expect(fake.pageActions).toEqual([]);
    expect(r.events.some(e => e.kind === 'edit')).toBe(false);
  });

  it('refuses a customer’s message and an unknown id without asking the page', async () => {
    const theirs = fake.remember(rawMessage({ chat: CUSTOMER, body: 'halo' }));
    const args = { op: 'editMessage', chatJid: CUSTOMER, text: 'x' } as const;
    expect(await provider.request({ ...args, providerMessageId: theirs.id._serialized })).toBe('not_ours');
    expect(await provider.request({ ...args, providerMessageId: 'true_x@c.us_NOPE' })).toBe('not_found');
    expect(fake.pageActions).toEqual([]);
  });
});

describe('webjs provider: delete our own message for everyone', () => {
  it('revokes through Message.delete(true) and the store marks it deleted', async () => {
    const id = await sentText('salah kirim');
    expect(await provider.request({ op: 'deleteMessage', chatJid: CUSTOMER, providerMessageId: id })).toBe('done');
    expect(fake.pageActions).toEqual([`revoke ${id}`]);
    expect(r.store.message(A, id)?.revoked).toBe(true);
  });

  it('past the window answers too_late instead of letting the library delete it for us only', async () => {
    const old = fake.remember(rawMessage({ chat: CUSTOMER, fromMe: true, body: 'lama', secondsAgo: 3 * 24 * 3600 }));
    const id = old.id._serialized;
    expect(await provider.request({ op: 'deleteMessage', chatJid: CUSTOMER, providerMessageId: id })).toBe('too_late');
    // The library would have fallen back to "delete for me" here; nothing reached the page.
    expect(fake.pageActions).toEqual([]);
    expect(fake.messages.has(id)).toBe(true);
  });

  it('refuses a customer’s message and an unknown id', async () => {
    const theirs = fake.remember(rawMessage({ chat: CUSTOMER, body: 'halo' }));
    expect(
      await provider.request({ op: 'deleteMessage', chatJid: CUSTOMER, providerMessageId: theirs.id._serialized }),
    ).toBe('not_ours');
    expect(await provider.request({ op: 'deleteMessage', chatJid: CUSTOMER, providerMessageId: 'nope' })).toBe(
      'not_found',
    );
    expect(fake.pageActions).toEqual([]);
  });

  it('needs a connected WhatsApp', async () => {
    fake.emit('disconnected', 'NAVIGATION');
    await expect(provider.request({ op: 'deleteMessage', chatJid: CUSTOMER, providerMessageId: 'x' })).rejects.toThrow(
      /not connected/,
    );
  });
});
