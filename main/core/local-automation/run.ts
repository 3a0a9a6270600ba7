/**
 * Automation on a desktop that is not signed in to a workspace (#17): the same pure engine
 * as the workspace server (common/automation), run on each new inbound message of a number
 * this desktop hosts. Signed in, the server is the one place that acts, so this does
 * nothing then (never both).
 *
 * Exactly once: a message is "new" to the store once (a redelivery or a catch-up after a
 * restart updates it), and every action is keyed besides: the away message and greeting
 * by (chat, kind, window) in automation_sends, a rule by (rule, trigger key) in
 * automation_rule_runs, each claimed before it acts. Automated replies are our own
 * messages (fromMe), so they never trigger rules, and they are counted only as automated
 * (the cool-down), never as a person's reply.
 */
import type { AutomationConfig } from '../../../common/automation/decide';
import { decideAutomation, FRESH_MS } from '../../../common/automation/decide';
import { rulesNeedSentiment } from '../../../common/automation/rules/evaluate';
import type { AiOutcome } from '../../../common/api/ai';
import type { Rule, Sentiment } from '../../../common/automation/rules/schema';
import type { Chat, ChatId, ChatStatus, Message, MessageId } from '../../../common/domain';
import type { Logger } from '../../platform/log';
import type { LocalActionDeps } from './actions';
import { sendAutomated } from './actions';
import type { Mood, RulesInput } from './apply-rules';
import { applyRules, SENTIMENT_TIMEOUT_MS } from './apply-rules';
import { drainStatusTriggers, fireUnanswered } from './chat-triggers';

export type LocalAutomationDeps = LocalActionDeps & {
  /** True while this desktop is not signed in to a workspace: only then does it act. */
  readonly active: () => boolean;
  /** Numbers this desktop runs (a teammate's number seen through the workspace is not). */
  readonly isHosted: (accountId: string) => boolean;
  readonly log: Logger;
  readonly now: () => number;
  /** The AI's verdict on one message, for rules with a sentiment condition; absent: no AI here. */
  readonly sentiment?: (text: string) => Promise<AiOutcome<{ readonly sentiment: Sentiment }>>;
  /** How often waiting customers are looked for ('chat.unanswered'); default UNANSWERED_TICK_MS. */
  readonly tickMs?: number;
};

/** How often the core looks for customers waiting for a reply: a rule fires at most this late. */
export const UNANSWERED_TICK_MS = 15_000;

/** Most messages the start-up catch-up looks at (the newest ones). */
const CATCH_UP_MAX = 500;

type Deps = LocalAutomationDeps & { readonly track: (p: Promise<void>) => void };

export type LocalAutomation = {
  /** After each stored batch: the ids the store reported as new. */
  onIngested(newMessageIds: readonly MessageId[]): void;
  /**
   * On start: runs again for customers' messages of the last FRESH_MS and for status
   * changes whose rules had not run, in case the core stopped between storing them and
   * acting (the keys make a repeat do nothing), then looks for waiting customers every
   * tick until stop().
   */
  catchUp(): void;
  /** One round of 'chat.unanswered' rules (the timer calls it; tests call it with their clock). */
  tick(): void;
  /**
   * The user's status change while not signed in: written with its trigger in one store
   * transaction, then its 'status.changed' rules run. Null: no such chat, or no change.
   */
  setStatus(chatId: ChatId, status: ChatStatus): Chat | null;
  stop(): void;
  /** Resolves when the rules waiting for a sentiment have run (shutdown, tests). */
  idle(): Promise<void>;
};

export function createLocalAutomation(options: LocalAutomationDeps): LocalAutomation {
  const pending = new Set<Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  const deps: Deps = {
    ...options,
    track: p => {
      pending.add(p);
      void p.finally(() => pending.delete(p));
    },
  };
  const automation: LocalAutomation = {
    catchUp() {
      timer ??= setInterval(() => automation.tick(), options.tickMs ?? UNANSWERED_TICK_MS);
      timer.unref();
      if (!deps.active()) {
        // Signed in since: the workspace acts now, and a change made before it is stale.
        for (const t of deps.store.listStatusTriggers()) deps.store.removeStatusTrigger(t.triggerKey);
        return;
      }
      automation.onIngested(deps.store.recentInboundMessageIds(deps.now() - FRESH_MS, CATCH_UP_MAX));
      drainStatusTriggers(deps, deps.store.listLocalRules());
      automation.tick();
    },
    tick() {
      if (!deps.active()) return;
      try {
        fireUnanswered(deps, deps.store.listLocalRules());
      } catch (err) {
        deps.log.error('local unanswered rules failed', { err: String(err) });
      }
    },
    setStatus(chatId, status) {
      const trigger = deps.store.setLocalChatStatus(chatId, status, deps.now());
      const chat = deps.store.getChat(chatId);
      if (!trigger || !chat) return chat;
      deps.events.emit('chats:changed', { chats: [chat] });
      if (deps.active()) drainStatusTriggers(deps, deps.store.listLocalRules());
      // A rule may have tagged it or set another status: answer with the chat as it is now.
      return deps.store.getChat(chatId) ?? chat;
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
    onIngested(ids) {
      if (ids.length === 0 || !deps.active()) return;
      const inbound = deps.store
        .getMessages(ids)
        .filter(m => !m.fromMe && deps.isHosted(m.accountId))
        .sort((a, b) => a.timestamp - b.timestamp);
      for (const m of inbound) {
        try {
          runMessage(deps, m);
        } catch (err) {
          // One message's failure must not hold up the others or the ingest.
          deps.log.error('local automation failed', { messageId: m.id, err: String(err) });
        }
      }
    },
  };
  return automation;
}

function runMessage(deps: Deps, m: Message): void {
  const chat = deps.store.getChat(m.chatId);
  const now = deps.now();
  if (!chat || chat.isGroup || m.timestamp < now - FRESH_MS) return;
  const previous = deps.store.previousMessageAt(chat.id, m.timestamp);
  awayOrGreeting(deps, m, chat, previous, now);
  runRules(deps, m, chat, previous, now);
}

function awayOrGreeting(deps: LocalAutomationDeps, m: Message, chat: Chat, previous: number | null, now: number) {
  const wire = deps.store.getLocalAutomation(chat.accountId);
  const config: AutomationConfig = { hours: wire.hours, away: wire.away, greeting: wire.greeting };
  const decision = decideAutomation(config, {
    now,
    fromMe: m.fromMe,
    isGroup: chat.isGroup,
    messageAt: m.timestamp,
    previousMessageAt: previous,
    lastAutomatedAt: deps.store.lastAutomatedAt(chat.id),
    customerName: chat.name,
    numberName: deps.numberName(chat.accountId),
  });
  if (!decision || !decision.body.trim()) return;
  sendAutomated(deps, chat, decision.kind, decision.windowKey, decision.body, now);
}

function runRules(deps: Deps, m: Message, chat: Chat, previous: number | null, now: number) {
  const rules = deps.store.listLocalRules();
  if (rules.length === 0) return;
  const text = m.body ?? m.caption ?? '';
  const input: RulesInput = { rules, m, chat, previous, now, text, mood: { sentiment: null, failed: null } };
  if (!rulesNeedSentiment(rules) || sentimentRulesRan(deps, rules, m)) return applyRules(deps, input);
  // The AI answers later: the away message above did not wait, and the rules run then.
  deps.track(
    moodOf(deps, text).then(mood => {
      try {
        applyRules(deps, { ...input, mood });
      } catch (err) {
        deps.log.error('local automation failed', { messageId: m.id, err: String(err) });
      }
    }),
  );
}

/**
 * Every sentiment rule already ran for this message (the start-up catch-up sees it again):
 * asking the AI once more would only spend budget.
 */
function sentimentRulesRan(deps: Deps, rules: readonly Rule[], m: Message): boolean {
  const keys = [`msg:${m.id}`, `open:${m.id}`];
  return rules
    .filter(r => r.enabled && r.conditions.some(c => c.kind === 'sentiment'))
    .every(r => keys.some(k => deps.store.hasRuleRun(r.id, k)));
}

/** The message's mood from the AI, within SENTIMENT_TIMEOUT_MS; a failure is named, never thrown. */
async function moodOf(deps: LocalAutomationDeps, text: string): Promise<Mood> {
  const ask = deps.sentiment;
  if (!ask) return { sentiment: null, failed: 'sentiment_unavailable' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Mood>(resolve => {
    timer = setTimeout(() => resolve({ sentiment: null, failed: 'sentiment_timeout' }), SENTIMENT_TIMEOUT_MS);
  });
  const answer = ask(text).then(
    (r): Mood =>
      r.ok ? { sentiment: r.sentiment, failed: null } : { sentiment: null, failed: `sentiment_${r.reason}` },
    (): Mood => ({ sentiment: null, failed: 'sentiment_unavailable' }),
  );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
