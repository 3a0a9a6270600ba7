/**
 * A desktop's own automation, pushed later (#17): a desktop that was not signed in answered
 * a customer automatically, then a person replied; when it signs in it pushes its history
 * (the same messageInputOfStored as push.seed), and the workspace's report takes the
 * person's reply as the first response, not the automated one. The batch is built from a
 * real store, so the mark travels the whole way: store → push payload → sends → reports.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientMessageId } from '../../../common/domain';
import { messageInputOfStored } from '../../../main/sync/message-inputs';
import type { Store } from '../../../main/store';
import { addAccount, chatOfJid, memoryStore, msg } from '../../unit/store/fixtures';
import type { Stack } from './harness';
import { must, startStack } from './harness';

const MIN = 60_000;
const JID = '628123@c.us';
let stack: Stack;
let store: Store;

beforeAll(async () => {
  stack = await startStack();
  store = memoryStore();
}, 60_000);
afterAll(async () => {
  store?.close();
  await stack?.stop();
});

/** What the signed-out desktop stored: the customer, its automated reply, a person's reply. */
function desktopHistory(accountId: string, t0: number) {
  const acc = addAccount(store, accountId);
  store.ingest({ messages: [msg(acc, JID, { providerMessageId: 'in-1', body: 'halo', timestamp: t0 })] });
  const send = (cmid: ClientMessageId, body: string, at: number, providerId: string) => {
    store.enqueueOutgoing({
      clientMessageId: cmid,
      accountId: acc,
      chatJid: JID,
      payload: { type: 'text', body },
      now: at,
    });
    store.confirmOutboxSent(cmid, providerId, at);
  };
  const auto = randomUUID() as ClientMessageId;
  // As the local automation does: the key is claimed before the message is queued.
  store.claimAutomationSend({
    chatId: chatOfJid(acc, JID),
    kind: 'away',
    windowKey: 1,
    clientMessageId: auto,
    now: t0,
  });
  send(auto, 'Kami tutup, buka lagi besok', t0 + MIN, 'out-auto');
  send(randomUUID() as ClientMessageId, 'Halo kak, ada yang bisa dibantu?', t0 + 7 * MIN, 'out-person');
  return store.chatPage({ chatId: chatOfJid(acc, JID), limit: 200 }).messages.map(m => messageInputOfStored(m, JID));
}

describe('automated messages a desktop sent while not signed in', () => {
  it('travel with the push, and the report counts the person’s reply as the first response', async () => {
    const host = await stack.device('lead', 'Solo desktop');
    const accountId = `acct-${randomUUID().slice(0, 8)}`;
    await must(host.socket, 'account:register', { accountId, name: 'Toko', phone: '628111', provider: 'simulator' });
    const t0 = Date.now() - 60 * MIN;
    const messages = desktopHistory(accountId, t0);
    expect(messages.map(m => [m.providerMessageId, m.automated === true])).toEqual([
      ['in-1', false],
      ['out-auto', true],
      ['out-person', false],
    ]);
    const batch = { chats: [{ accountId, jid: JID, isGroup: false, name: 'Customer' }], messages };
    await must(host.socket, 'sync:push', batch);
    // Pushed again (a lost ack): still one automated send.
    await must(host.socket, 'sync:push', batch);

    const [sends] = await stack.node.app.database.raw.query(
      'select origin, sender_id from sends where account_id = ?',
      [accountId],
    );
    expect(sends).toEqual([{ origin: 'automation', sender_id: 'automation' }]);

    const day = new Date(t0).toISOString().slice(0, 10);
    const page = await must(host.socket, 'reports:conversations', {
      from: day,
      to: new Date(Date.now()).toISOString().slice(0, 10),
      timeZone: 'UTC',
      accountId,
    });
    expect(page.conversations).toHaveLength(1);
    expect(page.conversations[0]).toMatchObject({ firstResponseAt: t0 + 7 * MIN, firstResponseMs: 7 * MIN });
  });
});
