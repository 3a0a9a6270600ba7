/**
 * What a desktop pushes of its history on sign-in (push.seed → messageInputOfStored): the
 * automated mark of its own automation's messages, and only client ids the server takes.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientMessageId } from '../../../common/domain';
import { messageInputSchema } from '../../../common/ingest';
import type { Store } from '../../../main/store';
import { messageInputOfStored } from '../../../main/sync/message-inputs';
import { addAccount, chatOfJid, memoryStore } from '../store/fixtures';

const JID = '6281@c.us';
let store: Store;
beforeEach(() => {
  store = memoryStore();
});
afterEach(() => store.close());

describe('pushing a signed-out desktop’s automated messages', () => {
  it('carries automated: true, and drops a client id that is not a UUID rather than the batch', () => {
    const acc = addAccount(store);
    const chatId = chatOfJid(acc, JID);
    const send = (cmid: string, body: string) =>
      store.enqueueOutgoing({
        clientMessageId: cmid as ClientMessageId,
        accountId: acc,
        chatJid: JID,
        payload: { type: 'text', body },
      });
    const auto = randomUUID();
    store.claimAutomationSend({ chatId, kind: 'away', windowKey: 1, clientMessageId: auto, now: Date.now() });
    send(auto, 'Kami tutup');
    // An early build's id: stored, marked, but not a UUID.
    store.claimAutomationSend({
      chatId,
      kind: 'greeting',
      windowKey: 1,
      clientMessageId: 'auto-0123',
      now: Date.now(),
    });
    send('auto-0123', 'Selamat datang');
    send(randomUUID(), 'Halo kak');
    const inputs = store.chatPage({ chatId, limit: 50 }).messages.map(m => messageInputOfStored(m, JID));
    const byBody = new Map(inputs.map(i => [i.body, i]));
    expect(byBody.get('Kami tutup')).toMatchObject({ automated: true, clientMessageId: auto });
    expect(byBody.get('Selamat datang')).toMatchObject({ automated: true, clientMessageId: null });
    expect(byBody.get('Halo kak')).not.toHaveProperty('automated');
    for (const i of inputs) expect(messageInputSchema.safeParse(i).success).toBe(true);
  });
});
