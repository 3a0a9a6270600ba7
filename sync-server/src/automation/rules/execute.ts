/**
 * Rules on the push path: each fresh inbound message of a 1:1 chat is a 'message.received'
 * trigger, and also 'conversation.opened' when the chat had no message for
 * CONVERSATION_IDLE_MS. Runs inside the push transaction, so what a rule does commits with
 * the message or not at all; the unique (rule, trigger) key in automation_rule_runs makes
 * it once per trigger across redelivered pushes, restarts and nodes.
 */
import { createHash, randomUUID } from 'node:crypto';
import { asAccountId, chatIdOf } from '../../../../common/domain';
import type { MessageInput } from '../../../../common/ingest';
import { FRESH_MS } from '../../../../common/automation/decide';
import {
  CONVERSATION_IDLE_MS,
  COOL_DOWN_WINDOW_MS,
  RULE_REPLIES_MAX,
} from '../../../../common/automation/rules/limits';
import { chatTriggerFacts, evaluateRules, rulesNeedLanguage } from '../../../../common/automation/rules/evaluate';
import { detectLanguage } from '../language';
import { renderRuleReply } from '../../../../common/automation/rules/reply';
import type { Rule, RuleAction } from '../../../../common/automation/rules/schema';
import { AUTOMATION_SENDER } from '../../../../common/protocol-automation';
import type { WireSend } from '../../../../common/protocol';
import type { RawTx } from '../../db/index';
import { claimRun, enabledRules, failRun } from '../../db/repositories/automation-rules';
import type { NewEvent } from '../../db/repositories/events';
import { reloadChats } from '../../db/repositories/push-updates';
import type { RuleChat } from '../../db/repositories/rule-actions';
import {
  automatedSendsSince,
  previousMessageAt,
  queueAutomatedSend,
  ruleChat,
  setChatStatus,
  setChatTags,
  templateBody,
} from '../../db/repositories/rule-actions';
import { chatEvent } from '../../handlers/access';
import type { Services } from '../../handlers/context';
import type { AutomatedSend } from '../on-push';
import { parseHours } from '../parse-hours';
import { ActionFailed, assignAction, noteAction, notifyAction } from './team-actions';
import { enqueueJobRaw } from '../../db/repositories/automation-jobs';
import { sentimentJob, sentimentRulesFor } from './on-sentiment';

// Shared with the desktop's runner (main/core/local-automation/), so a rule behaves alike on both.
export {
  CONVERSATION_IDLE_MS,
  COOL_DOWN_WINDOW_MS,
  RULE_REPLIES_MAX,
} from '../../../../common/automation/rules/limits';

export type Outcome = {
  sends: AutomatedSend[];
  events: NewEvent[];
  /** Jobs recorded for after the commit (sentiment rules): the caller kicks the jobs loop. */
  jobs?: number;
};

async function reply(tx: RawTx, chat: RuleChat, templateId: string, now: number, out: Outcome): Promise<void> {
  const body = await templateBody(tx, templateId);
  if (body === null) throw new ActionFailed('template_missing');
  const text = renderRuleReply(body, { 'customer.name': chat.name, 'number.name': chat.numberName }).trim();
  if (!text) throw new ActionFailed('reply_empty');
  if ((await automatedSendsSince(tx, chat.id, now - COOL_DOWN_WINDOW_MS)) >= RULE_REPLIES_MAX)
    throw new ActionFailed('cool_down');
  const send: WireSend = {
    clientMessageId: randomUUID(),
    accountId: chat.accountId,
    chatId: chat.id,
    chatJid: chat.jid,
    senderId: AUTOMATION_SENDER,
    body: text,
    quotedProviderMessageId: null,
    state: 'queued',
    providerMessageId: null,
    error: null,
    createdAt: now,
  };
  await queueAutomatedSend(tx, send, chat.hostDeviceId ?? '');
  out.sends.push({ send, hostDeviceId: chat.hostDeviceId, hostOnline: chat.hostOnline });
  out.events.push({
    body: { type: 'send:updated', send },
    audience: 'chat',
    accountId: chat.accountId,
    chatId: chat.id,
    assigneeId: null,
  });
}

/** Runs one action; true when it changed the chat row (tags, status) without emitting the fact itself. */
async function act(
  tx: RawTx,
  chat: RuleChat,
  a: RuleAction,
  ruleId: string,
  now: number,
  out: Outcome,
): Promise<boolean> {
  switch (a.kind) {
    case 'reply':
      await reply(tx, chat, a.templateId, now, out);
      return false;
    case 'addTag': {
      const [row] = await reloadChats(tx, [chat.id]);
      const tags = row ? (JSON.parse(row.tags) as unknown) : [];
      const list = Array.isArray(tags) ? tags.filter((t): t is string => typeof t === 'string') : [];
      if (list.some(t => t.toLowerCase() === a.tag.toLowerCase())) return false;
      await setChatTags(tx, chat.id, [...list, a.tag]);
      return true;
    }
    case 'setStatus':
      await setChatStatus(tx, chat.id, a.status);
      return true;
    case 'assign':
      out.events.push(...(await assignAction(tx, chat.id, a.memberId, ruleId, now)));
      return false;
    case 'note':
      out.events.push(...(await noteAction(tx, chat, a.text, now)));
      return false;
    case 'notify':
      out.events.push(...(await notifyAction(tx, chat, a.text, now)));
      return false;
  }
}

/** One matched rule: claimed once per trigger, every action tried, the first failure recorded. */
export async function runRule(
  services: Services,
  tx: RawTx,
  chat: RuleChat,
  match: { ruleId: string; actions: readonly RuleAction[] },
  triggerKey: string,
  now: number,
  out: Outcome,
): Promise<void> {
  const run = { ruleId: match.ruleId, triggerKey, accountId: chat.accountId, chatId: chat.id, at: now };
  await tx.query('savepoint automation_rule');
  const kept = { sends: out.sends.length, events: out.events.length };
  try {
    if (!(await claimRun(tx, run))) {
      await tx.query('release savepoint automation_rule');
      return;
    }
    let failure: string | null = null;
    let changed = false;
    for (const a of match.actions) {
      try {
        changed = (await act(tx, chat, a, match.ruleId, now, out)) || changed;
      } catch (err) {
        if (!(err instanceof ActionFailed)) throw err;
        failure ??= err.code;
      }
    }
    if (failure) await failRun(tx, match.ruleId, triggerKey, failure);
    if (changed) for (const row of await reloadChats(tx, [chat.id])) out.events.push(chatEvent('chat:updated', row));
    await tx.query('release savepoint automation_rule');
  } catch (err) {
    // A broken rule costs neither the message nor the other rules; its run says so.
    await tx.query('rollback to savepoint automation_rule');
    // What the rolled-back actions queued never happened: it must not go out either.
    out.sends.length = kept.sends;
    out.events.length = kept.events;
    services.log.error({ err, ruleId: match.ruleId }, 'automation rule failed');
    if (await claimRun(tx, run)) await failRun(tx, match.ruleId, triggerKey, 'internal');
  }
}

/** Trigger keys are at most 300 characters: long ones go in as a digest. */
export const keyOf = (full: string): string =>
  full.length <= 250 ? full : createHash('sha256').update(full).digest('hex');

/**
 * A chat whose customer has waited since `waitingSince` with no human reply: the
 * 'chat.unanswered' rules whose minutes have passed run, each once per waiting streak
 * (the key names the streak's first message). Called by the timers, in their transaction.
 */
export async function runUnanswered(
  services: Services,
  tx: RawTx,
  rules: readonly Rule[],
  chatId: string,
  waitingSince: number,
  now: number,
): Promise<Outcome> {
  const out: Outcome = { sends: [], events: [] };
  const chat = await ruleChat(tx, chatId);
  if (!chat) return out;
  const evaluation = evaluateRules(
    rules,
    chatTriggerFacts(
      chat,
      { type: 'chat.unanswered', minutes: Math.floor((now - waitingSince) / 60_000) },
      now,
      parseHours(chat.hoursJson),
    ),
  );
  const key = `unanswered:${keyOf(`${chatId}:${waitingSince}`)}`;
  for (const match of evaluation.matched) await runRule(services, tx, chat, match, key, now, out);
  return out;
}

async function triggersOf(
  tx: RawTx,
  m: MessageInput,
  chatId: string,
): Promise<Array<{ type: 'message.received' | 'conversation.opened'; key: string }>> {
  // Ids are up to 200 characters each; the column takes 300, so long ones go in as a digest.
  const key = keyOf(`${m.accountId}:${m.providerMessageId}`);
  const list: Array<{ type: 'message.received' | 'conversation.opened'; key: string }> = [
    { type: 'message.received', key: `msg:${key}` },
  ];
  const previous = await previousMessageAt(tx, chatId, m.timestamp);
  if (previous === null || m.timestamp - previous >= CONVERSATION_IDLE_MS)
    list.push({ type: 'conversation.opened', key: `open:${key}` });
  return list;
}

async function runMessage(services: Services, tx: RawTx, rules: Rule[], m: MessageInput, now: number, out: Outcome) {
  const chatId = chatIdOf(asAccountId(m.accountId), m.chatJid);
  const chat = await ruleChat(tx, chatId);
  if (!chat) return;
  const previous = await previousMessageAt(tx, chatId, m.timestamp);
  // A photo's or a document's caption is its text, as for the desktop's signed-out rules.
  const text = m.body ?? m.caption ?? '';
  const language = rulesNeedLanguage(rules) ? detectLanguage(text) : null;
  const triggers = await triggersOf(tx, m, chatId);
  for (const trigger of triggers) {
    const { key, ...fact } = trigger;
    const evaluation = evaluateRules(rules, {
      trigger: fact,
      accountId: m.accountId,
      text,
      tags: (await ruleChat(tx, chatId))?.tags ?? chat.tags,
      contactIsNew: previous === null,
      at: m.timestamp,
      hours: parseHours(chat.hoursJson),
      sentiment: null,
      language,
    });
    for (const match of evaluation.matched) await runRule(services, tx, chat, match, key, now, out);
  }
  // Rules asking for the sentiment wait for the AI after the commit, durably (on-sentiment.ts).
  if (sentimentRulesFor(rules, triggers)) {
    const job = {
      chatId,
      accountId: m.accountId,
      text: text.slice(0, 1_000),
      at: m.timestamp,
      contactIsNew: previous === null,
      language,
      triggers: triggers.map(t => ({ type: t.type, key: t.key })),
    };
    await enqueueJobRaw(tx, sentimentJob(job, keyOf(`${m.accountId}:${m.providerMessageId}`), now));
    out.jobs = (out.jobs ?? 0) + 1;
  }
}

/**
 * Inside the push transaction, after the messages are stored. Messages the number sent
 * (fromMe: members' and automated replies alike), group chats and history older than
 * FRESH_MS never trigger a rule.
 */
export async function runRulesOnPush(
  services: Services,
  tx: RawTx,
  messages: readonly MessageInput[],
): Promise<Outcome> {
  const out: Outcome = { sends: [], events: [] };
  const now = services.clock();
  const inbound = messages.filter(m => !m.fromMe && !m.chatJid.endsWith('@g.us') && m.timestamp >= now - FRESH_MS);
  if (inbound.length === 0) return out;
  // Read first, and take the savepoint only if a rule is on: most pushes then cost one
  // statement here rather than three (each a round trip inside the push's turn).
  let rules: Awaited<ReturnType<typeof enabledRules>>;
  try {
    rules = await enabledRules(tx);
  } catch (err) {
    services.log.error({ err }, 'automation rules failed; the push is kept');
    return { sends: [], events: [] };
  }
  if (rules.length === 0) return out;
  await tx.query('savepoint automation_rules');
  try {
    for (const m of [...inbound].sort((a, b) => a.timestamp - b.timestamp))
      await runMessage(services, tx, rules, m, now, out);
    await tx.query('release savepoint automation_rules');
    return out;
  } catch (err) {
    // Never the push's messages: whatever the rules did is undone and logged.
    await tx.query('rollback to savepoint automation_rules');
    services.log.error({ err }, 'automation rules failed; the push is kept');
    return { sends: [], events: [] };
  }
}
