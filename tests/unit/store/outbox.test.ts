import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountId, ClientMessageId } from '../../../common/domain';
import { asClientMessageId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg, T0 } from './fixtures';

let store: Store;
let acc: AccountId;
const JID = '62855@c.us';
const newId = (): ClientMessageId => asClientMessageId(randomUUID());

beforeEach(() => {
  store = memoryStore();
  acc = addAccount(store);
});
afterEach(() => store.close());

const enqueue = (cmid: ClientMessageId, body = 'terima kasih') =>
  store.enqueueOutgoing({
    clientMessageId: cmid,
    accountId: acc,
    chatJid: JID,
    payload: { type: 'text', body },
    now: T0,
  });

describe('outbox', () => {
  it('writes the outbox row, the optimistic message and the chat summary together', () => {
    const cmid = newId();
    const { entry, message, chat } = enqueue(cmid);
    expect(entry).toMatchObject({ clientMessageId: cmid, state: 'queued', attempts: 0, lastError: null });
    expect(message).toMatchObject({ fromMe: true, ack: 'pending', body: 'terima kasih', clientMessageId: cmid });
    expect(chat).toMatchObject({
      id: chatOfJid(acc, JID),
      lastMessagePreview: 'terima kasih',
      lastMessageFromMe: true,
    });
    expect(store.listPendingOutbox()).toHaveLength(1);
  });

  it('moves queued → sending → sent, taking the provider id on the same message row', () => {
    const cmid = newId();
    enqueue(cmid);
    expect(store.markOutboxSending(cmid)?.state).toBe('sending');
    expect(store.markOutboxSending(cmid)).toBeNull(); // already sending
    const sent = store.confirmOutboxSent(cmid, 'WAID-1', T0 + 10);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, providerMessageId: 'WAID-1' });
    const messages = store.chatPage({ chatId: chatOfJid(acc, JID) }).messages;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: `${acc}:WAID-1`, ack: 'sent', clientMessageId: cmid });
    expect(store.listPendingOutbox()).toEqual([]);
    // The provider's echo of the same message afterwards does not add a row.
    store.ingest({
      messages: [msg(acc, JID, { providerMessageId: 'WAID-1', fromMe: true, body: 'terima kasih', ack: 'delivered' })],
    });
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages).toHaveLength(1);
    expect(store.confirmOutboxSent(cmid, 'WAID-1')?.state).toBe('sent'); // idempotent
  });

  it('adopts the optimistic row when the echo (with the client id) arrives before the confirmation', () => {
    const cmid = newId();
    enqueue(cmid);
    store.markOutboxSending(cmid);
    store.ingest({
      messages: [
        msg(acc, JID, { providerMessageId: 'WAID-2', fromMe: true, body: 'terima kasih', clientMessageId: cmid }),
      ],
    });
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages.map(m => m.id)).toEqual([`${acc}:WAID-2`]);
    expect(store.confirmOutboxSent(cmid, 'WAID-2')?.state).toBe('sent');
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages).toHaveLength(1);
  });

  it('drops the optimistic row when the echo arrived as its own row before the confirmation', () => {
    const cmid = newId();
    enqueue(cmid);
    store.markOutboxSending(cmid);
    store.ingest({ messages: [msg(acc, JID, { providerMessageId: 'WAID-3', fromMe: true, body: 'terima kasih' })] });
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages).toHaveLength(2);
    store.confirmOutboxSent(cmid, 'WAID-3');
    const messages = store.chatPage({ chatId: chatOfJid(acc, JID) }).messages;
    expect(messages.map(m => [m.id, m.clientMessageId])).toEqual([[`${acc}:WAID-3`, cmid]]);
  });

  it('records failures with the error and attempts, and can be retried', () => {
    const cmid = newId();
    enqueue(cmid);
    store.markOutboxSending(cmid);
    const failed = store.markOutboxFailed(cmid, 'account is offline');
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, lastError: 'account is offline' });
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.ack).toBe('failed');
    expect(store.listPendingOutbox()).toEqual([]);
    expect(store.requeueOutbox(cmid)?.state).toBe('queued');
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages[0]?.ack).toBe('pending');
    expect(store.markOutboxSending(cmid)?.attempts).toBe(2);
    expect(store.confirmOutboxSent(cmid, 'WAID-4')?.state).toBe('sent');
    expect(store.markOutboxFailed(cmid, 'late')).toBeNull(); // sent is final
    expect(store.requeueOutbox(cmid)).toBeNull();
  });

  it('lists pending sends per account, oldest first, and refuses a duplicate client id', () => {
    const other = addAccount(store, 'acc2');
    const [c1, c2, c3] = [newId(), newId(), newId()];
    store.enqueueOutgoing({
      clientMessageId: c1,
      accountId: acc,
      chatJid: JID,
      payload: { type: 'text', body: 'a' },
      now: T0 + 2,
    });
    store.enqueueOutgoing({
      clientMessageId: c2,
      accountId: other,
      chatJid: JID,
      payload: { type: 'text', body: 'b' },
      now: T0 + 1,
    });
    store.enqueueOutgoing({
      clientMessageId: c3,
      accountId: acc,
      chatJid: JID,
      payload: { type: 'text', body: 'c' },
      now: T0 + 3,
    });
    expect(store.listPendingOutbox().map(e => e.clientMessageId)).toEqual([c2, c1, c3]);
    expect(store.listPendingOutbox(acc).map(e => e.clientMessageId)).toEqual([c1, c3]);
    expect(() => enqueue(c1)).toThrow();
    expect(store.listPendingOutbox()).toHaveLength(3);
    expect(store.chatPage({ chatId: chatOfJid(acc, JID) }).messages).toHaveLength(2);
  });

  it('validates the payload', () => {
    expect(() =>
      store.enqueueOutgoing({
        clientMessageId: newId(),
        accountId: acc,
        chatJid: JID,
        payload: { type: 'bogus' } as never,
      }),
    ).toThrow();
    expect(store.listPendingOutbox()).toEqual([]);
  });
});
