/**
 * Background sentiment and urgency of incoming messages: small batches, one request per
 * batch, results per chat in `chat_insights`. It checks the settings before every batch,
 * so turning AI off or running out of budget stops it without any request or query.
 */
import type { AiOutcome } from '../../common/api/ai';
import type { ChatId } from '../../common/domain';
import { previewOf } from '../../common/domain';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { Gateway } from './gateway';
import type { SentimentVerdict } from './parse';
import { parseSentiment } from './parse';
import type { AiMessage, AiStorePort, AiTimers } from './ports';
import { sentimentPrompt } from './prompts/sentiment';

export type SentimentWorkerOptions = {
  /** Messages per request. Small keeps each prompt short and a bad answer cheap. */
  readonly batchSize?: number;
  /** Pause between runs when idle or after a failure. */
  readonly intervalMs?: number;
  /** Delay after `kick()`, so a burst of arrivals becomes one batch. */
  readonly kickDelayMs?: number;
  /** Batches per run, so one run never monopolises the budget or the endpoint. */
  readonly maxBatchesPerRun?: number;
};

export type SentimentRun = AiOutcome<{ readonly scored: number; readonly chatIds: readonly ChatId[] }>;

export type SentimentWorker = {
  start(): void;
  /** New incoming messages were stored: score them soon. */
  kick(): void;
  stop(): Promise<void>;
  /** One batch, now. Exposed for tests and for a "score now" action. */
  runBatch(): Promise<SentimentRun>;
  /** Batches until nothing is left, a failure, or the per-run cap. */
  run(): Promise<SentimentRun>;
};

type Deps = {
  readonly gateway: Gateway;
  readonly store: AiStorePort;
  readonly emit: EventBus['emit'];
  readonly log: Logger;
  readonly now: () => number;
  readonly timers: AiTimers;
  readonly options: SentimentWorkerOptions | undefined;
};

const MAX_LINE_CHARS = 300;

export function createSentimentWorker(deps: Deps): SentimentWorker {
  const batchSize = deps.options?.batchSize ?? 20;
  const intervalMs = deps.options?.intervalMs ?? 60_000;
  const kickDelayMs = deps.options?.kickDelayMs ?? 2_000;
  const maxBatches = deps.options?.maxBatchesPerRun ?? 5;
  const { gateway, store } = deps;

  let timer: unknown = null;
  let timerDueAt = Infinity;
  let running: Promise<SentimentRun> | null = null;
  let started = false;

  async function runBatch(): Promise<SentimentRun> {
    const off = gateway.disabled();
    if (off) return off;
    const batch = store.unscoredIncoming(batchSize);
    if (batch.length === 0) return { ok: false, reason: 'nothing_to_do', message: 'No new messages to score.' };

    const byChat = new Map<ChatId, AiMessage[]>();
    for (const m of batch) byChat.set(m.chatId, [...(byChat.get(m.chatId) ?? []), m]);
    // Short keys stand in for chat ids, which contain the customer's phone number.
    const chats = [...byChat].map(([chatId, messages], i) => ({ key: `c${i + 1}`, chatId, messages }));

    const result = await gateway.ask<Map<string, SentimentVerdict>>('sentiment', {
      turns: clean =>
        sentimentPrompt(
          chats.map(c => ({
            key: c.key,
            lines: c.messages.map(m => clean(previewOf(m).replace(/\s+/g, ' ').slice(0, MAX_LINE_CHARS))),
          })),
        ),
      parse: text => {
        const verdicts = parseSentiment(text);
        return verdicts && verdicts.size > 0 ? verdicts : null;
      },
    });
    // Unscored messages stay unscored on failure and are tried again on a later run.
    if (!result.ok) return result;

    const updated: ChatId[] = [];
    for (const c of chats) {
      const verdict = result.value.get(c.key);
      if (!verdict) continue;
      store.setInsight({
        chatId: c.chatId,
        sentiment: verdict.sentiment,
        urgency: verdict.urgency,
        updatedAt: deps.now(),
      });
      updated.push(c.chatId);
    }
    // The whole batch is done even where the model skipped a chat: asking again would
    // spend budget on the same answer.
    store.markScored(batch.map(m => m.id));
    if (updated.length > 0) deps.emit('ai:insights:updated', { chatIds: updated });
    return { ok: true, scored: batch.length, chatIds: updated };
  }

  async function runBatches(): Promise<SentimentRun> {
    let scored = 0;
    const chatIds = new Set<ChatId>();
    for (let i = 0; i < maxBatches; i += 1) {
      const r = await runBatch();
      if (!r.ok) {
        if (scored > 0 && r.reason === 'nothing_to_do') break;
        if (r.reason !== 'nothing_to_do' && r.reason !== 'disabled') {
          deps.log.warn('sentiment run stopped', { reason: r.reason });
        }
        return scored > 0 ? { ok: true, scored, chatIds: [...chatIds] } : r;
      }
      scored += r.scored;
      for (const id of r.chatIds) chatIds.add(id);
    }
    return { ok: true, scored, chatIds: [...chatIds] };
  }

  function run(): Promise<SentimentRun> {
    // One run at a time: a kick during a run is covered by the next scheduled run.
    running ??= (async () => {
      try {
        return await runBatches();
      } finally {
        running = null;
      }
    })();
    return running;
  }

  async function tick(): Promise<void> {
    try {
      await run();
    } catch (err) {
      deps.log.error('sentiment run failed', { err: String(err) });
    }
    schedule(intervalMs);
  }

  function schedule(delayMs: number): void {
    if (!started) return;
    const dueAt = deps.now() + delayMs;
    if (timer !== null && timerDueAt <= dueAt) return;
    if (timer !== null) deps.timers.clearTimeout(timer);
    timerDueAt = dueAt;
    timer = deps.timers.setTimeout(() => {
      timer = null;
      timerDueAt = Infinity;
      void tick();
    }, delayMs);
  }

  return {
    start() {
      if (started) return;
      started = true;
      schedule(kickDelayMs);
    },
    kick() {
      schedule(kickDelayMs);
    },
    async stop() {
      started = false;
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      timerDueAt = Infinity;
      if (running) await running;
    },
    runBatch,
    run,
  };
}

/**
 * The mood of one customer message, for a local automation rule's sentiment condition
 * (asked only when an enabled rule has one). Same prompt and parser as the batches.
 */
export async function sentimentOfText(
  gateway: Pick<Gateway, 'ask'>,
  text: string,
): Promise<AiOutcome<{ readonly sentiment: SentimentVerdict['sentiment'] }>> {
  const line = text.replace(/\s+/g, ' ').slice(0, MAX_LINE_CHARS);
  const result = await gateway.ask<SentimentVerdict>('sentiment', {
    turns: clean => sentimentPrompt([{ key: 'c1', lines: [clean(line)] }]),
    parse: answer => parseSentiment(answer)?.get('c1') ?? null,
  });
  return result.ok ? { ok: true, sentiment: result.value.sentiment } : result;
}
