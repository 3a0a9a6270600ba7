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
import type { RuleFacts } from '../../../common/automation/rules/evaluate';
import { evaluateRules } from '../../../common/automation/rules/evaluate';
import { CONVERSATION_IDLE_MS } from '../../../common/automation/rules/limits';
import type { Chat, Message, MessageId } from '../../../common/domain';
import type { Logger } from '../../platform/log';
import type { LocalActionDeps } from './actions';
import { runLocalAction, sendAutomated } from './actions';

export type LocalAutomationDeps = LocalActionDeps & {
  /** True while this desktop is not signed in to a workspace: only then does it act. */
  readonly active: () => boolean;
  /** Numbers this desktop runs (a teammate's number seen through the workspace is not). */
  readonly isHosted: (accountId: string) => boolean;
  readonly log: Logger;
  readonly now: () => number;
};

export type LocalAutomation = {
  /** After each stored batch: the ids the store reported as new. */
  onIngested(newMessageIds: readonly MessageId[]): void;
};

export function createLocalAutomation(deps: LocalAutomationDeps): LocalAutomation {
  return {
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
}

function runMessage(deps: LocalAutomationDeps, m: Message): void {
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

function runRules(deps: LocalAutomationDeps, m: Message, chat: Chat, previous: number | null, now: number) {
  const rules = deps.store.listLocalRules();
  if (rules.length === 0) return;
  const hours = deps.store.getLocalAutomation(chat.accountId).hours;
  const triggers: Array<RuleFacts['trigger'] & { key: string }> = [{ type: 'message.received', key: `msg:${m.id}` }];
  if (previous === null || m.timestamp - previous >= CONVERSATION_IDLE_MS)
    triggers.push({ type: 'conversation.opened', key: `open:${m.id}` });
  for (const { key, ...trigger } of triggers) {
    const evaluation = evaluateRules(rules, {
      trigger,
      accountId: chat.accountId,
      text: m.body ?? m.caption ?? '',
      // Read again: a rule of the first trigger may have tagged the chat.
      tags: deps.store.getChat(chat.id)?.tags ?? chat.tags,
      contactIsNew: previous === null,
      at: m.timestamp,
      hours,
      sentiment: null,
    });
    for (const match of evaluation.matched) {
      const run = { ruleId: match.ruleId, triggerKey: key, accountId: chat.accountId, chatId: chat.id, now };
      if (!deps.store.claimRuleRun(run)) continue;
      let failure: string | null = null;
      for (const action of match.actions) {
        try {
          // Every action is tried; the first failure's code is kept.
          const code = runLocalAction(deps, action, { chat, ruleId: match.ruleId, triggerKey: key, now });
          failure ??= code;
        } catch (err) {
          deps.log.error('local automation rule failed', { ruleId: match.ruleId, err: String(err) });
          failure ??= 'internal';
        }
      }
      if (failure) deps.store.failRuleRun(match.ruleId, key, failure);
    }
  }
}
