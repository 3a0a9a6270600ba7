/**
 * The AI assistant as the handlers see it. Every method resolves to data: a failure is
 * `{ ok: false, reason }`, so the composer never waits on, or breaks because of, AI.
 */
import { randomUUID } from 'node:crypto';
import type {
  AiOutcome,
  AiSettings,
  AiSettingsView,
  ChatInsight,
  HandoverSummary,
  RewriteStyle,
} from '../../common/api/ai';
import { aiDataNotice } from '../../common/api/ai';
import type { AiTestResult } from '../../common/api/ai-settings';
import type { WireAiPolicy } from '../../common/protocol-ai-policy';
import type { Sentiment } from '../../common/automation/rules/schema';
import type { ChatId } from '../../common/domain';
import { previewOf } from '../../common/domain';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import { silentLogger } from '../platform/log';
import type { Gateway } from './gateway';
import { createGateway } from './gateway';
import { MAX_SUGGESTIONS, completedSuggestions, parseRewrite, parseSuggestions, parseSummary } from './parse';
import type { AiStorePort, AiTimers, SecretStore } from './ports';
import { realTimers } from './ports';
import { rewritePrompt } from './prompts/rewrite';
import { suggestPrompt } from './prompts/suggest';
import { summaryPrompt } from './prompts/summary';
import type { SentimentWorker, SentimentWorkerOptions } from './sentiment';
import { createSentimentWorker, sentimentOfText } from './sentiment';
import { dayOf } from './settings';
import type { TestConnectionInput } from './test-connection';
import { testConnection } from './test-connection';
import { transcript } from './transcript';

const SUGGEST_MESSAGES = 20;
const SUMMARY_MESSAGES = 60;
const SUGGEST_CHARS = 6_000;
const SUMMARY_CHARS = 12_000;
const MAX_TEMPLATES = 15;

/** The core's event bus `emit`; the service only emits ai:* events on it. */
export type AiEmit = EventBus['emit'];

export type AiServiceDeps = {
  readonly store: AiStorePort;
  readonly secrets: SecretStore;
  /** Usually `core.events.emit`. */
  readonly emit: AiEmit;
  readonly log?: Logger;
  readonly now?: () => number;
  readonly timers?: AiTimers;
  /** SDK retries (with its backoff, honouring Retry-After) inside the overall timeout. */
  readonly maxRetries?: number;
  readonly newRequestId?: () => string;
  readonly sentiment?: SentimentWorkerOptions;
  /** The workspace's AI policy (null outside a workspace); read before every request. */
  readonly policy?: () => WireAiPolicy | null;
};

export type SaveSettingsInput = AiSettings & { readonly apiKey?: string; readonly clearApiKey?: boolean };

export type SuggestResult = AiOutcome<{
  readonly requestId: string;
  readonly suggestions: readonly string[];
  readonly cached: boolean;
}>;
export type SummaryResult = AiOutcome<{
  readonly summary: HandoverSummary;
  readonly at: number;
  readonly stale: boolean;
  readonly cached: boolean;
}>;
export type RewriteResult = AiOutcome<{ readonly text: string; readonly cached: boolean }>;

export type AiService = {
  settings(): Promise<AiSettingsView>;
  saveSettings(input: SaveSettingsInput): Promise<AiSettingsView>;
  /** "Test connection": a fixed prompt with no chat data to the endpoint in the form. */
  test(input: TestConnectionInput): Promise<AiTestResult>;
  suggest(
    chatId: ChatId,
    options?: { readonly requestId?: string; readonly agentLanguage?: string; readonly refresh?: boolean },
  ): Promise<SuggestResult>;
  summarize(
    chatId: ChatId,
    options?: { readonly refresh?: boolean; readonly agentLanguage?: string },
  ): Promise<SummaryResult>;
  rewrite(input: {
    readonly chatId?: ChatId;
    readonly draft: string;
    readonly style: RewriteStyle;
    readonly targetLanguage?: string;
  }): Promise<RewriteResult>;
  insights(chatIds?: readonly ChatId[]): readonly ChatInsight[];
  /** The stored hand-over summary to attach to a transfer; never makes a request. */
  handoverNote(chatId: ChatId): string | null;
  /** Background sentiment scoring: start on boot, kick when messages arrive. */
  readonly sentiment: SentimentWorker;
  /** One message's mood, now (local automation's sentiment condition). */
  sentimentOf(text: string): Promise<AiOutcome<{ readonly sentiment: Sentiment }>>;
  close(): Promise<void>;
};

const nothing = (message: string) => ({ ok: false as const, reason: 'nothing_to_do' as const, message });

/**
 * A broken store row or keychain must not turn into an error dialog over the composer:
 * whatever throws inside a feature becomes "unavailable", and the log gets the cause.
 */
function guarded<A extends unknown[], R>(
  log: Logger,
  feature: string,
  fn: (...args: A) => Promise<AiOutcome<R>>,
): (...args: A) => Promise<AiOutcome<R>> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (err) {
      log.error('ai feature failed', { feature, err: err instanceof Error ? err.message : String(err) });
      return { ok: false, reason: 'unavailable', message: 'AI help is unavailable right now.' };
    }
  };
}

export function createAiService(deps: AiServiceDeps): AiService {
  const log = deps.log ?? silentLogger;
  const now = deps.now ?? Date.now;
  const timers = deps.timers ?? realTimers;
  const newRequestId = deps.newRequestId ?? randomUUID;
  const { store, secrets } = deps;
  const policy = deps.policy ?? (() => null);
  const gateway: Gateway = createGateway({
    store,
    secrets,
    log,
    now,
    timers,
    maxRetries: deps.maxRetries ?? 2,
    policy,
  });
  const sentiment = createSentimentWorker({
    gateway,
    store,
    emit: deps.emit,
    log,
    now,
    timers,
    options: deps.sentiment,
  });

  async function view(): Promise<AiSettingsView> {
    return {
      settings: gateway.settings(),
      hasApiKey: (await secrets.getApiKey()) !== null,
      usedToday: store.usage(dayOf(now())),
      notice: aiDataNotice,
      policy: policy(),
    };
  }

  async function suggest(
    chatId: ChatId,
    options: { readonly requestId?: string; readonly agentLanguage?: string; readonly refresh?: boolean } = {},
  ): Promise<SuggestResult> {
    const requestId = options.requestId ?? newRequestId();
    let emitted = 0;
    const push = (list: readonly string[]) => {
      for (; emitted < list.length && emitted < MAX_SUGGESTIONS; emitted += 1) {
        deps.emit('ai:suggestions:streamed', {
          chatId,
          requestId,
          index: emitted,
          text: list[emitted] ?? '',
          done: false,
        });
      }
    };
    const finish = () =>
      deps.emit('ai:suggestions:streamed', { chatId, requestId, index: emitted, text: '', done: true });

    const off = gateway.disabled();
    if (off) return off;
    try {
      const chat = store.chatInfo(chatId);
      if (!chat) return nothing('This chat is not in the local store.');
      const messages = store.recentMessages(chatId, SUGGEST_MESSAGES);
      if (messages.length === 0) return nothing('There are no messages to reply to yet.');
      const templates = store.templates().slice(0, MAX_TEMPLATES);

      const result = await gateway.ask('suggest', {
        cacheKind: 'suggest',
        fresh: options.refresh === true,
        turns: clean =>
          suggestPrompt({
            accountName: chat.accountName ? clean(chat.accountName) : null,
            customerName: clean(chat.name),
            agentLanguage: options.agentLanguage ?? null,
            templates: templates.map(t => ({ ...t, title: clean(t.title), body: clean(t.body) })),
            conversation: transcript(messages, chat, clean, SUGGEST_CHARS),
          }),
        parse: text => {
          const list = parseSuggestions(text);
          return list.length > 0 ? list : null;
        },
        onText: soFar => push(completedSuggestions(soFar)),
      });
      if (!result.ok) return result;
      // The final parse is authoritative; chips streamed earlier are replaced by it.
      push(result.value);
      return { ok: true, requestId, suggestions: result.value, cached: result.cached };
    } finally {
      // Whatever happened, the UI learns that no more chips are coming for this request.
      finish();
    }
  }

  async function summarize(
    chatId: ChatId,
    options: { readonly refresh?: boolean; readonly agentLanguage?: string } = {},
  ): Promise<SummaryResult> {
    const off = gateway.disabled();
    if (off) return off;
    const chat = store.chatInfo(chatId);
    if (!chat) return nothing('This chat is not in the local store.');
    const isStale = (at: number) => chat.lastMessageAt !== null && chat.lastMessageAt > at;
    const stored = store.summary(chatId);
    if (stored && !options.refresh) {
      return { ok: true, summary: stored.summary, at: stored.at, stale: isStale(stored.at), cached: true };
    }
    const messages = store.recentMessages(chatId, SUMMARY_MESSAGES);
    if (messages.length === 0) return nothing('There is nothing to summarise yet.');
    const result = await gateway.ask('summary', {
      cacheKind: 'summary',
      fresh: options.refresh === true,
      turns: clean =>
        summaryPrompt({
          conversation: transcript(messages, chat, clean, SUMMARY_CHARS),
          language: options.agentLanguage ?? 'English',
        }),
      parse: parseSummary,
    });
    if (!result.ok) return result;
    const at = now();
    store.setSummary(chatId, { summary: result.value, at });
    return { ok: true, summary: result.value, at, stale: false, cached: result.cached };
  }

  async function rewrite(input: {
    readonly chatId?: ChatId;
    readonly draft: string;
    readonly style: RewriteStyle;
    readonly targetLanguage?: string;
  }): Promise<RewriteResult> {
    const off = gateway.disabled();
    if (off) return off;
    let customerSample: readonly string[] = [];
    if (input.style === 'translate' && !input.targetLanguage) {
      if (!input.chatId) return nothing('Choose a language to translate to.');
      customerSample = store
        .recentMessages(input.chatId, SUGGEST_MESSAGES)
        .filter(m => !m.fromMe && !m.revoked)
        .map(m => previewOf(m))
        .filter(t => t.trim() !== '')
        .slice(-5);
      if (customerSample.length === 0) return nothing("The customer's language is not known yet; choose one.");
    }
    const result = await gateway.ask('rewrite', {
      cacheKind: 'rewrite',
      turns: clean =>
        rewritePrompt({
          draft: clean(input.draft),
          style: input.style,
          targetLanguage: input.targetLanguage ?? null,
          customerSample: customerSample.length > 0 ? customerSample.map(clean).join('\n') : null,
        }),
      parse: parseRewrite,
    });
    return result.ok ? { ok: true, text: result.value, cached: result.cached } : result;
  }

  return {
    settings: view,
    async saveSettings(input) {
      const { apiKey, clearApiKey, ...settings } = input;
      store.saveSettings(settings);
      if (clearApiKey) await secrets.setApiKey(null);
      else if (apiKey !== undefined) await secrets.setApiKey(apiKey);
      // Turning AI on may find a backlog of unscored messages; off stops the worker's work.
      if (settings.enabled) sentiment.kick();
      return view();
    },
    test: guarded(log, 'test', input =>
      testConnection({ secrets, policy, current: gateway.settings, timers, now, log }, input),
    ),
    suggest: guarded(log, 'suggest', suggest),
    summarize: guarded(log, 'summary', summarize),
    rewrite: guarded(log, 'rewrite', rewrite),
    insights: chatIds => store.insights(chatIds),
    handoverNote: chatId => (gateway.disabled() ? null : (store.summary(chatId)?.summary.text ?? null)),
    sentiment,
    sentimentOf: guarded(log, 'sentiment', text => sentimentOfText(gateway, text)),
    async close() {
      await sentiment.stop();
    },
  };
}
