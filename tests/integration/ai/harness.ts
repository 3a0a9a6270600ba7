/** Builds the AI service against the loopback fake endpoint, on the real SQLite store (in memory). */
import type { CommandArgs, CommandResult, ParsedArgs } from '../../../common/api';
import { deskCommands } from '../../../common/api';
import type { AiEvents, AiSettings, aiCommands } from '../../../common/api/ai';
import type { ChatId, MessageId, Template } from '../../../common/domain';
import { asChatId, asMessageId } from '../../../common/domain';
import { createMemorySecretStore } from '../../helpers/ai-memory-ports';
import type { SqliteAiStore } from '../../helpers/ai-sqlite-store';
import { createSqliteAiStore } from '../../helpers/ai-sqlite-store';
import type { AiMessage } from '../../../main/ai/ports';
import type { AiService, AiServiceDeps } from '../../../main/ai/service';
import { createAiService } from '../../../main/ai/service';
import { aiHandlers } from '../../../main/core/handlers/ai';
import type { Handler } from '../../../main/core/router';
import type { FakeOpenAi } from '../../helpers/fake-openai/server';
import { startFakeOpenAi } from '../../helpers/fake-openai/server';

type AiCommand = keyof typeof aiCommands;
export type Emitted = { [E in keyof AiEvents]: { name: E; payload: AiEvents[E] } }[keyof AiEvents];

export const T0 = Date.UTC(2026, 10, 27, 9, 0);
export const CHAT = asChatId('acc1:6281234567890@c.us');
export const OTHER_CHAT = asChatId('acc1:6289876543210@c.us');

let seq = 0;
export function msg(chatId: ChatId, fromMe: boolean, body: string, at?: number): AiMessage {
  seq += 1;
  return {
    id: asMessageId(`${chatId}:m${seq}`) as MessageId,
    chatId,
    fromMe,
    authorName: null,
    type: 'text',
    body,
    caption: null,
    timestamp: at ?? T0 + seq * 1000,
    revoked: false,
  };
}

export const templates: readonly Template[] = [
  { id: 't1', shortcut: 'ship', title: 'Shipping time', body: 'Orders ship within 2 working days, {{contact.name}}.' },
];

export type Harness = {
  readonly fake: FakeOpenAi;
  readonly store: SqliteAiStore;
  readonly secrets: ReturnType<typeof createMemorySecretStore>;
  readonly ai: AiService;
  readonly events: Emitted[];
  now: number;
  /** Parses the argument with the command's zod schema, then runs the real handler. */
  call<K extends AiCommand>(name: K, args: CommandArgs<K>): Promise<CommandResult<K>>;
  enable(overrides?: Partial<AiSettings> & { readonly apiKey?: string }): Promise<void>;
  close(): Promise<void>;
};

export async function createHarness(extra: Partial<AiServiceDeps> = {}): Promise<Harness> {
  const fake = await startFakeOpenAi();
  const store = createSqliteAiStore();
  const secrets = createMemorySecretStore();
  const events: Emitted[] = [];
  store.addChat(CHAT, { name: 'Budi', isGroup: false, accountName: 'Toko Sinar', lastMessageAt: null });
  store.addChat(OTHER_CHAT, { name: 'Sari', isGroup: false, accountName: 'Toko Sinar', lastMessageAt: null });
  store.setTemplates(templates);
  let counter = 0;
  const h: Harness = {
    fake,
    store,
    secrets,
    events,
    now: T0,
    ai: createAiService({
      store,
      secrets,
      emit: (name, payload) => events.push({ name, payload } as Emitted),
      now: () => h.now,
      maxRetries: 1,
      newRequestId: () => `req-${(counter += 1)}`,
      ...extra,
    }),
    async call(name, args) {
      const parsed = deskCommands[name].args.parse(args) as ParsedArgs<typeof name>;
      const handler = aiHandlers(h.ai)[name] as Handler<typeof name>;
      return handler(parsed, { transport: 'internal' });
    },
    async enable(overrides = {}) {
      await h.call('ai:settings:save', {
        enabled: true,
        baseUrl: fake.url,
        model: 'test-model',
        redact: false,
        dailyBudget: 100,
        timeoutMs: 5_000,
        apiKey: 'sk-test-123',
        ...overrides,
      });
    },
    async close() {
      await h.ai.close();
      await fake.close();
      store.close();
    },
  };
  return h;
}
