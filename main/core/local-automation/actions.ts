/**
 * What a rule does on a desktop that is not signed in: reply with one of this desktop's
 * templates, tag, set the status, add an internal note, notify. Assignment needs a team, so
 * it is refused as `action_not_available` (the editor does not offer it here). Each action
 * answers null when done, or the code of why not; the runner keeps the first code.
 */
import { createHash, randomUUID } from 'node:crypto';
import { renderRuleReply } from '../../../common/automation/rules/reply';
import type { RuleAction } from '../../../common/automation/rules/schema';
import { COOL_DOWN_WINDOW_MS, RULE_REPLIES_MAX } from '../../../common/automation/rules/limits';
import type { Chat, ChatId } from '../../../common/domain';
import { AUTOMATION_SENDER } from '../../../common/protocol-automation';
import type { EventBus } from '../../platform/event-bus';
import type { Store } from '../../store';

export type LocalActionDeps = {
  readonly store: Store;
  readonly events: Pick<EventBus, 'emit'>;
  /** Queues a text through the outbox (its client id names the automated send). */
  readonly send: (chatId: ChatId, text: string, clientMessageId: string) => void;
  readonly numberName: (accountId: string) => string;
};

/**
 * The client id of an automated message: derived from its key, so a repeat finds the same
 * one. Shaped as a UUID (name-based, version 5 bits): the account process, the ingest and
 * the workspace all take client ids as UUIDs only.
 */
export function automatedClientId(chatId: string, kind: string, windowKey: number): string {
  const h = createHash('sha256').update(`${chatId}\n${kind}\n${windowKey}`).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Claims the (chat, kind, window) key, then queues the message. The key is claimed first:
 * if the process dies between the two, the customer gets nothing rather than two messages.
 */
export function sendAutomated(
  deps: LocalActionDeps,
  chat: Pick<Chat, 'id'>,
  kind: string,
  windowKey: number,
  text: string,
  now: number,
): boolean {
  const clientMessageId = automatedClientId(chat.id, kind, windowKey);
  if (!deps.store.claimAutomationSend({ chatId: chat.id, kind, windowKey, clientMessageId, now })) return false;
  deps.send(chat.id, text, clientMessageId);
  return true;
}

export type ActionContext = {
  readonly chat: Chat;
  readonly ruleId: string;
  readonly triggerKey: string;
  readonly now: number;
};

export function runLocalAction(deps: LocalActionDeps, a: RuleAction, c: ActionContext): string | null {
  const { store, events } = deps;
  const values = { 'customer.name': c.chat.name, 'number.name': deps.numberName(c.chat.accountId) };
  switch (a.kind) {
    case 'reply': {
      const template = store.listTemplates().find(t => t.id === a.templateId);
      if (!template) return 'template_missing';
      const text = renderRuleReply(template.body, values).trim();
      if (!text) return 'reply_empty';
      if (store.countAutomatedSince(c.chat.id, c.now - COOL_DOWN_WINDOW_MS) >= RULE_REPLIES_MAX) return 'cool_down';
      sendAutomated(deps, c.chat, `rule:${c.ruleId}:${c.triggerKey}`, 0, text, c.now);
      return null;
    }
    case 'addTag':
    case 'setStatus': {
      const change = a.kind === 'addTag' ? { addTag: a.tag } : { status: a.status };
      if (store.setChatTagsAndStatus(c.chat.id, change))
        events.emit('chats:changed', { chats: store.getChats([c.chat.id]) });
      return null;
    }
    case 'note': {
      const note = store.saveNote({
        id: randomUUID(),
        chatId: c.chat.id,
        authorId: null,
        authorName: AUTOMATION_SENDER,
        body: renderRuleReply(a.text, values),
        createdAt: c.now,
      });
      events.emit('notes:added', { note });
      return null;
    }
    case 'notify': {
      const notice = {
        id: randomUUID(),
        kind: 'rule' as const,
        accountId: c.chat.accountId,
        chatId: c.chat.id,
        chatName: c.chat.name.slice(0, 200),
        text: renderRuleReply(a.text, values),
        createdAt: c.now,
      };
      events.emit('notices:received', { notices: [notice] });
      return null;
    }
    case 'assign':
      return 'action_not_available';
  }
}
