import { randomUUID } from 'node:crypto';
import type { AccountId, ChatId } from '../../../common/domain';
import { asAccountId, chatIdOf } from '../../../common/domain';
import type { MessageInput } from '../../../common/ingest';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';

export const T0 = Date.UTC(2025, 0, 1, 9, 0, 0);

export function memoryStore(): Store {
  return openStore({ file: ':memory:', checkpointEveryMs: 0 });
}

export function addAccount(store: Store, id = 'acc1'): AccountId {
  const accountId = asAccountId(id);
  store.upsertAccount({
    id: accountId,
    provider: 'simulator',
    name: `Account ${id}`,
    phone: null,
    color: '#0a0',
    muted: false,
    createdAt: T0,
    lastState: 'ready',
    config: {},
  });
  return accountId;
}

let counter = 0;

/** A valid incoming text message; override what the test is about. */
export function msg(accountId: AccountId, chatJid: string, over: Partial<MessageInput> = {}): MessageInput {
  counter += 1;
  return {
    accountId,
    chatJid,
    providerMessageId: `pm-${counter}-${randomUUID().slice(0, 8)}`,
    fromMe: false,
    author: null,
    authorName: null,
    type: 'text',
    body: `hello ${counter}`,
    caption: null,
    media: null,
    location: null,
    vcard: null,
    quotedProviderMessageId: null,
    timestamp: T0 + counter * 1000,
    ack: 'sent',
    edited: false,
    revoked: false,
    clientMessageId: null,
    ...over,
  };
}

export const chatOfJid = (accountId: AccountId, jid: string): ChatId => chatIdOf(accountId, jid);

/** A store with one account and one chat (holding one message). */
export function storeWithChat(): { store: Store; chatId: ChatId } {
  const store = memoryStore();
  const accountId = addAccount(store);
  const chatId = store.ingest({ messages: [msg(accountId, '6281@c.us')] }).chatIds[0]!;
  return { store, chatId };
}
