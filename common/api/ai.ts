/**
 * AI help: suggested replies, hand-over summaries, draft rewrite, sentiment and urgency.
 * Every command resolves (Reply ok) to an AiOutcome: a failure of the AI endpoint is data
 * the UI shows as "no suggestion", never an error that could block the composer.
 */
import { z } from 'zod';
import type { ChatId } from '../domain';
import type { WireAiPolicy } from '../protocol-ai-policy';
import { command } from './define';

/** Why there is no AI result, in a word the UI can map to a short hint. */
export type AiFailureReason =
  | 'disabled'
  | 'not_configured'
  | 'budget'
  | 'timeout'
  | 'rate_limited'
  | 'unauthorized'
  | 'unavailable'
  | 'bad_response'
  | 'nothing_to_do';

export type AiFailure = { readonly ok: false; readonly reason: AiFailureReason; readonly message: string };
export type AiOutcome<T> = ({ readonly ok: true } & T) | AiFailure;

export type AiSettings = {
  readonly enabled: boolean;
  /** Any OpenAI-compatible endpoint: OpenAI, a gateway, Ollama, LM Studio, vLLM. */
  readonly baseUrl: string;
  readonly model: string;
  /** Replace phone numbers, e-mails and long digit runs before anything is sent. */
  readonly redact: boolean;
  /** Requests per day (UTC) across all AI features; 0 stops everything. */
  readonly dailyBudget: number;
  /** Longest the agent waits for one answer, retries included. */
  readonly timeoutMs: number;
};

export type AiSettingsView = {
  readonly settings: AiSettings;
  /** The key itself never leaves the core once saved. */
  readonly hasApiKey: boolean;
  readonly usedToday: number;
  /** What is sent, shown next to the switch that turns AI on. */
  readonly notice: readonly string[];
  /** The workspace's AI policy this desktop follows; null outside a workspace. `settings` already obeys it. */
  readonly policy: WireAiPolicy | null;
};

export type Sentiment = 'positive' | 'neutral' | 'negative';
/** 0 = no rush … 3 = needs an answer now (angry, outage, payment blocked). */
export type Urgency = 0 | 1 | 2 | 3;

export type ChatInsight = {
  readonly chatId: ChatId;
  readonly sentiment: Sentiment | null;
  readonly urgency: Urgency | null;
  readonly updatedAt: number;
};

export type HandoverSummary = {
  readonly customerWants: string;
  readonly promised: readonly string[];
  readonly openQuestions: readonly string[];
  /** Plain text of the three parts, ready to attach to a transfer. */
  readonly text: string;
};

export type RewriteStyle = 'friendlier' | 'shorter' | 'formal' | 'translate';

export const aiDataNotice: readonly string[] = [
  'Nothing is sent until AI is turned on here.',
  'Suggested replies and summaries send the last messages of the open chat, the chat name and your templates.',
  'Rewrite sends your draft (and, to translate, a few recent customer messages).',
  'Sentiment sends the text of new incoming messages in small batches.',
  'With redaction on, phone numbers, e-mail addresses and long digit runs are replaced before sending.',
  'Everything goes only to the endpoint configured below.',
];

const chatId = z.string().min(3).max(400);
const language = z.string().trim().min(2).max(40);

export const aiSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  baseUrl: z.url({ protocol: /^https?$/ }).max(500),
  model: z.string().trim().min(1).max(200),
  redact: z.boolean(),
  dailyBudget: z.number().int().min(0).max(1_000_000),
  timeoutMs: z.number().int().min(50).max(300_000),
});

export const aiCommands = {
  'ai:settings:get': command<AiSettingsView>()(z.strictObject({})),
  /** apiKey: a new key; omitted keeps the saved one; clearApiKey removes it. */
  'ai:settings:save': command<AiSettingsView>()(
    aiSettingsSchema.extend({
      apiKey: z.string().trim().min(1).max(500).optional(),
      clearApiKey: z.boolean().default(false),
    }),
  ),
  /** requestId: chosen by the caller so it can match the streamed chips to this request. */
  'ai:suggest': command<
    AiOutcome<{ readonly requestId: string; readonly suggestions: readonly string[]; readonly cached: boolean }>
  >()(
    z.strictObject({
      chatId,
      requestId: z.string().min(1).max(100).optional(),
      agentLanguage: language.optional(),
      /** Regenerate: ask the endpoint again instead of answering from the cache. */
      refresh: z.boolean().optional(),
    }),
  ),
  'ai:summarize': command<
    AiOutcome<{
      readonly summary: HandoverSummary;
      readonly at: number;
      readonly stale: boolean;
      readonly cached: boolean;
    }>
  >()(z.strictObject({ chatId, refresh: z.boolean().default(false), agentLanguage: language.optional() })),
  'ai:rewrite': command<AiOutcome<{ readonly text: string; readonly cached: boolean }>>()(
    z
      .strictObject({
        chatId: chatId.optional(),
        draft: z.string().trim().min(1).max(8_000),
        style: z.enum(['friendlier', 'shorter', 'formal', 'translate']),
        targetLanguage: language.optional(),
      })
      .refine(a => a.style !== 'translate' || a.targetLanguage !== undefined || a.chatId !== undefined, {
        message: 'translate needs a targetLanguage or a chatId to detect the customer language',
      }),
  ),
  /** Stored sentiment/urgency for the given chats (all scored chats when omitted). */
  'ai:insights:list': command<readonly ChatInsight[]>()(
    z.strictObject({ chatIds: z.array(chatId).max(5_000).optional() }),
  ),
} as const;

export type AiEvents = {
  /** One suggestion as soon as the stream completes it; `done` marks the end (text ''). */
  'ai:suggestions:streamed': {
    readonly chatId: ChatId;
    readonly requestId: string;
    readonly index: number;
    readonly text: string;
    readonly done: boolean;
  };
  'ai:insights:updated': { readonly chatIds: readonly ChatId[] };
};

export const aiEventNames: Record<keyof AiEvents, true> = {
  'ai:suggestions:streamed': true,
  'ai:insights:updated': true,
};
