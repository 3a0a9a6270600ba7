/**
 * The AI service's store port on the real SQLite store (main/core/adapters/ai-store.ts over
 * an in-memory database), with the small helpers the AI tests use to set up chats, messages
 * and templates. Data goes in through `store.ingest`, the way a provider's batches do.
 */
import type { ChatId, MessageId, Template } from '../../common/domain';
import { asAccountId } from '../../common/domain';
import type { MessageInput } from '../../common/ingest';
import type { AiChatInfo, AiMessage, AiStorePort } from '../../main/ai/ports';
import { storeAiPort } from '../../main/core/adapters/ai-store';
import type { Store } from '../../main/store';
import { openStore } from '../../main/store';

export type SqliteAiStore = AiStorePort & {
  readonly store: Store;
  addChat(chatId: ChatId, info: AiChatInfo): void;
  addMessages(messages: readonly AiMessage[]): void;
  /** Stores raw provider messages, e.g. an encrypted placeholder and its filled-in copy. */
  ingestMessages(messages: readonly MessageInput[]): void;
  setTemplates(templates: readonly Template[]): void;
  /** The data reads made through the port, in order (settings and counters are not listed). */
  readonly calls: string[];
  /** Ids the sentiment worker marked scored. */
  readonly scored: Set<MessageId>;
  close(): void;
};

const TRACKED = ['recentMessages', 'chatInfo', 'templates', 'cacheGet', 'unscoredIncoming'] as const;

const split = (chatId: ChatId) => {
  const at = chatId.indexOf(':');
  return { accountId: asAccountId(chatId.slice(0, at)), jid: chatId.slice(at + 1) };
};

export function createSqliteAiStore(): SqliteAiStore {
  const store = openStore({ file: ':memory:', checkpointEveryMs: 0 });
  const port = storeAiPort(store);
  const calls: string[] = [];
  const scored = new Set<MessageId>();

  const ensureAccount = (chatId: ChatId, name: string | null) => {
    const { accountId } = split(chatId);
    if (store.getAccount(accountId) && name === null) return;
    store.upsertAccount({
      id: accountId,
      provider: 'simulator',
      name: name ?? accountId,
      phone: null,
      color: '#0a0',
      muted: false,
      createdAt: 1,
      lastState: 'ready',
      config: {},
    });
  };
  const ingest = (batch: Parameters<Store['ingest']>[0]) => {
    const report = store.ingest(batch);
    if (report.rejectedCount > 0) throw new Error(`test data rejected: ${JSON.stringify(report.rejected)}`);
  };

  const helpers = {
    store,
    calls,
    scored,
    addChat(chatId: ChatId, info: AiChatInfo) {
      ensureAccount(chatId, info.accountName);
      const { accountId, jid } = split(chatId);
      ingest({ chats: [{ accountId, jid, isGroup: info.isGroup, name: info.name }] });
    },
    addMessages(messages: readonly AiMessage[]) {
      ingest({
        messages: messages.map((m): MessageInput => {
          const { accountId, jid } = split(m.chatId);
          ensureAccount(m.chatId, null);
          return {
            accountId,
            chatJid: jid,
            // Ids in the tests are `<chat id>:m<n>`: the last part is unique.
            providerMessageId: m.id.slice(m.id.lastIndexOf(':') + 1),
            fromMe: m.fromMe,
            author: null,
            authorName: m.authorName,
            type: m.type,
            body: m.body,
            caption: m.caption,
            media: null,
            location: null,
            vcard: null,
            quotedProviderMessageId: null,
            timestamp: m.timestamp,
            ack: 'sent',
            edited: false,
            revoked: m.revoked,
            clientMessageId: null,
          };
        }),
      });
    },
    ingestMessages(messages: readonly MessageInput[]) {
      ingest({ messages: [...messages] });
    },
    setTemplates(templates: readonly Template[]) {
      for (const t of store.listTemplates()) store.deleteTemplate(t.id);
      for (const t of templates) store.saveTemplate(t);
    },
    close: () => store.close(),
  };

  const tracked = Object.fromEntries(
    TRACKED.map(name => [
      name,
      (...args: unknown[]) => {
        calls.push(name);
        return (port[name] as (...a: unknown[]) => unknown)(...args);
      },
    ]),
  ) as Pick<AiStorePort, (typeof TRACKED)[number]>;

  return {
    ...port,
    ...tracked,
    markScored(ids) {
      for (const id of ids) scored.add(id);
      port.markScored(ids);
    },
    ...helpers,
  };
}
