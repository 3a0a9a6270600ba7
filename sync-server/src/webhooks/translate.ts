/**
 * From the server's logged facts to webhook events. Pure: the scanner (scanner.ts) loads
 * what webhooks last saw of the chats and messages these facts name, and writes back what
 * this returns. Facts say what a chat or message IS now; a webhook says what HAPPENED, so
 * each fact is compared with the last state seen:
 * - a message seen for the first time, not from us, is `message.received` (messages that
 *   existed before webhooks were primed, `rowId <= messageFloor`, are only recorded);
 * - a message from us whose ack moved is `message.status`;
 * - a chat whose assignee moved is `chat.assigned`, whose status moved `chat.status_changed`;
 * - every `note:added` is `note.added`.
 */
import type { SyncEventBody, WireChat, WireMessage } from '../../../common/protocol';
import type { WebhookEventType } from '../../../common/protocol-webhooks';

export type ChatState = { assigneeId: string | null; status: string };

export type Fact = { readonly createdAt: number; readonly accountId: string | null; readonly body: SyncEventBody };

export type WebhookEvent = {
  readonly type: WebhookEventType;
  /** The chat the event is about: deliveries of one chat go out in order. */
  readonly chatKey: string;
  readonly occurredAt: number;
  readonly data: Record<string, unknown>;
};

export type States = {
  readonly chats: Map<string, ChatState>;
  /** keyOf(account, provider id) → ack last seen; absent = never seen. */
  readonly messages: Map<string, string>;
  readonly messageFloor: number;
};

export const messageKey = (accountId: string, providerMessageId: string): string =>
  `${accountId}\u0000${providerMessageId}`;

/** The chats and messages these facts name, so the scanner can load their states in one read each. */
export function namedBy(facts: readonly Fact[]): { chatIds: Set<string>; messages: WireMessage[] } {
  const chatIds = new Set<string>();
  const messages: WireMessage[] = [];
  for (const f of facts) {
    const b = f.body;
    if (b.type === 'chat:updated' || b.type === 'chat:upserted' || b.type === 'chat:granted') chatIds.add(b.chat.id);
    if (b.type === 'messages:upserted') messages.push(...b.messages);
  }
  return { chatIds, messages };
}

function chatEvents(chat: WireChat, at: number, states: States): WebhookEvent[] {
  const before = states.chats.get(chat.id);
  states.chats.set(chat.id, { assigneeId: chat.assigneeId, status: chat.status });
  // First sighting (a new chat, or one primed after this fact was written): only recorded.
  if (!before) return [];
  const out: WebhookEvent[] = [];
  const base = { chatKey: chat.id, occurredAt: at };
  if (before.assigneeId !== chat.assigneeId)
    out.push({ ...base, type: 'chat.assigned', data: { chat, previousAssigneeId: before.assigneeId } });
  if (before.status !== chat.status)
    out.push({ ...base, type: 'chat.status_changed', data: { chat, previousStatus: before.status } });
  return out;
}

function messageEvents(m: WireMessage, at: number, states: States): WebhookEvent[] {
  const key = messageKey(m.accountId, m.providerMessageId);
  const before = states.messages.get(key);
  states.messages.set(key, m.ack);
  const base = { chatKey: m.chatId, occurredAt: at };
  if (before === undefined) {
    if (m.fromMe || m.rowId <= states.messageFloor) return [];
    return [{ ...base, type: 'message.received', data: { accountId: m.accountId, chatId: m.chatId, message: m } }];
  }
  if (!m.fromMe || before === m.ack) return [];
  const data = {
    accountId: m.accountId,
    chatId: m.chatId,
    providerMessageId: m.providerMessageId,
    clientMessageId: m.clientMessageId,
    status: m.ack,
    previousStatus: before,
  };
  return [{ ...base, type: 'message.status', data }];
}

/** The webhook events of these facts, in their order; updates `states` as it goes. */
export function translate(facts: readonly Fact[], states: States): WebhookEvent[] {
  const out: WebhookEvent[] = [];
  for (const f of facts) {
    const b = f.body;
    if (b.type === 'chat:updated' || b.type === 'chat:upserted' || b.type === 'chat:granted')
      out.push(...chatEvents(b.chat, f.createdAt, states));
    else if (b.type === 'messages:upserted')
      for (const m of b.messages) out.push(...messageEvents(m, f.createdAt, states));
    else if (b.type === 'note:added')
      out.push({
        type: 'note.added',
        chatKey: b.note.chatId,
        occurredAt: f.createdAt,
        data: { accountId: f.accountId, chatId: b.note.chatId, note: b.note },
      });
  }
  return out;
}
