import { z } from 'zod';
import type { Sentiment, Urgency } from '../../../common/api/ai';
import type { ChatId, MessageId } from '../../../common/domain';
import type { AiStorePort, StoredInsight, StoredSummary } from '../../ai/ports';
import type { Store } from '../../store';

const summarySchema = z.object({
  customerWants: z.string(),
  promised: z.array(z.string()),
  openQuestions: z.array(z.string()),
  text: z.string(),
});
const sentiments: readonly Sentiment[] = ['positive', 'neutral', 'negative'];
const asSentiment = (s: string | null): Sentiment | null =>
  sentiments.includes(s as Sentiment) ? (s as Sentiment) : null;
const asUrgency = (u: number | null): Urgency | null =>
  u !== null && u >= 0 && u <= 3 ? (Math.round(u) as Urgency) : null;

const USAGE_KEY = (day: string) => `ai.usage.${day}`;
const SCORED_KEY = 'ai.sentiment.scoredSeq';
/** Placeholders the watermark passed, by seq, until the provider fills them in. */
const WAITING_KEY = 'ai.sentiment.waitingSeqs';
/** A placeholder that never gets its content must not grow the list for ever: newest kept. */
const MAX_WAITING = 500;

/**
 * The AI service's view of the store: messages, templates, settings, its cache and the
 * per-chat insights. Sentiment progress is a watermark on the message sequence, so the
 * worker never rescans what it has scored.
 */
export function storeAiPort(store: Store): AiStorePort {
  // Message id → sequence for the batch handed out last, to move the watermark on markScored.
  let handedOut = new Map<string, number>();
  const watermark = (): number => {
    const v = store.getSetting(SCORED_KEY);
    return typeof v === 'number' ? v : 0;
  };
  const waitingSeqs = (): number[] => {
    const v = store.getSetting(WAITING_KEY);
    return Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : [];
  };
  const setWaiting = (seqs: readonly number[]): void => {
    const unique = [...new Set(seqs)].sort((a, b) => a - b).slice(-MAX_WAITING);
    if (unique.length === 0 && waitingSeqs().length === 0) return;
    store.setSetting(WAITING_KEY, unique);
  };
  return {
    recentMessages: (chatId, limit) => store.chatPage({ chatId, limit }).messages,
    chatInfo(chatId) {
      const chat = store.getChat(chatId);
      if (!chat) return null;
      const account = store.getAccount(chat.accountId);
      return {
        name: chat.name,
        isGroup: chat.isGroup,
        accountName: account?.name ?? null,
        lastMessageAt: chat.lastMessageAt,
      };
    },
    templates: () => store.listTemplates(),
    loadSettings: () => store.getSetting('ai') ?? null,
    saveSettings: value => store.setSetting('ai', value as Parameters<Store['setSetting']>[1]),
    cacheGet(key) {
      const hit = store.getAiCache(key, Number.MAX_SAFE_INTEGER);
      return hit ? { value: hit.value, createdAt: hit.createdAt } : null;
    },
    cachePut: (key, kind, value, createdAt) => store.putAiCache({ key, kind, value, createdAt }),
    pruneCache: (before, keep) => void store.boundAiCache(before, keep),
    usage(day) {
      const n = store.getSetting(USAGE_KEY(day));
      return typeof n === 'number' ? n : 0;
    },
    addUsage(day, n) {
      const current = store.getSetting(USAGE_KEY(day));
      store.setSetting(USAGE_KEY(day), (typeof current === 'number' ? current : 0) + n);
    },
    insights(chatIds) {
      return store.listChatInsights(chatIds).map((i): StoredInsight => ({
        chatId: i.chatId,
        sentiment: asSentiment(i.sentiment),
        urgency: asUrgency(i.urgency),
        updatedAt: i.updatedAt,
      }));
    },
    setInsight: i => {
      store.saveChatInsight(i.chatId, { sentiment: i.sentiment, urgency: i.urgency }, i.updatedAt);
    },
    summary(chatId): StoredSummary | null {
      const insight = store.getChatInsight(chatId);
      if (!insight?.summary || insight.summaryAt === null) return null;
      try {
        const parsed = summarySchema.safeParse(JSON.parse(insight.summary));
        return parsed.success ? { summary: parsed.data, at: insight.summaryAt } : null;
      } catch {
        return null;
      }
    },
    setSummary: (chatId: ChatId, s: StoredSummary) => {
      store.saveChatInsight(chatId, { summary: JSON.stringify(s.summary), summaryAt: s.at }, s.at);
    },
    unscoredIncoming(limit) {
      // Placeholders filled since the watermark passed them come first: they are the oldest.
      const remembered = store.incomingBySeq(waitingSeqs());
      const stillWaiting = new Set(remembered.filter(r => r.waiting).map(r => r.seq));
      const filled = remembered.flatMap(r => (r.message ? [{ seq: r.seq, message: r.message }] : []));
      // Revoked or deleted placeholders will never be filled: forget them now.
      const keep = waitingSeqs().filter(seq => stillWaiting.has(seq) || filled.some(f => f.seq === seq));
      setWaiting(keep);
      const rows = [...filled.slice(0, limit), ...store.incomingTextAfter(watermark(), limit)].slice(0, limit);
      handedOut = new Map(rows.map(r => [r.message.id, r.seq]));
      return rows.map(r => r.message);
    },
    markScored(ids: readonly MessageId[]) {
      const scored = new Set<number>();
      for (const id of ids) {
        const seq = handedOut.get(id);
        if (seq !== undefined) scored.add(seq);
      }
      const current = watermark();
      const max = Math.max(-1, ...[...scored].filter(seq => seq > current));
      const waiting = waitingSeqs().filter(seq => !scored.has(seq));
      if (max > current) {
        // The watermark is about to pass these: remember them until their content arrives.
        waiting.push(...store.incomingPlaceholdersBetween(current, max, MAX_WAITING));
        store.setSetting(SCORED_KEY, max);
      }
      setWaiting(waiting);
    },
  };
}
