/** Chats, messages, search, notes and templates over the local store. */
import { z } from 'zod';
import { accountIdSchema } from '../ids';
import type { AccountId, Chat, ChatId, Message, MessageId, Note, Template } from '../domain';
import { command } from './define';

const chatId = z
  .string()
  .min(3)
  .max(420)
  .transform(s => s as ChatId);
const messageId = z
  .string()
  .min(3)
  .max(420)
  .transform(s => s as MessageId);
const cursor = z.string().max(600).nullable().optional();
const accountIds = z.array(accountIdSchema).max(100).optional();
const limit = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

export const chatStatusSchema = z.enum(['open', 'pending', 'resolved']);

export type ChatsPage = { readonly items: readonly Chat[]; readonly nextCursor: string | null };
export type MessagesPage = {
  /** Oldest first. */
  readonly messages: readonly Message[];
  readonly olderCursor: string | null;
  readonly newerCursor: string | null;
};
export type SearchHit = {
  readonly message: Message;
  readonly chatName: string;
  /** Plain text with \u0002 before and \u0003 after each match; the UI makes elements of them, never HTML. */
  readonly snippet: string;
};
export type SearchPage = {
  readonly hits: readonly SearchHit[];
  readonly nextCursor: string | null;
  /** Chats whose name, contact name or number match; only on the first page. */
  readonly chats: readonly Chat[];
};
export type AccountUnread = {
  readonly accountId: AccountId;
  readonly unreadChats: number;
  readonly unreadMessages: number;
};

export const inboxCommands = {
  /** The unified inbox across accounts, newest activity first (pinned on top), keyset-paged. */
  'chats:list': command<ChatsPage>()(
    z.strictObject({
      accountIds,
      statuses: z.array(chatStatusSchema).max(3).optional(),
      /** A member id; null = unassigned. */
      assigneeId: z.string().min(1).max(200).nullable().optional(),
      unreadOnly: z.boolean().optional(),
      tag: z.string().min(1).max(100).optional(),
      archived: z.boolean().optional(),
      cursor,
      limit: limit(200, 50),
    }),
  ),
  'chats:get': command<Chat>()(z.strictObject({ chatId })),
  'chats:markRead': command<Chat | null>()(z.strictObject({ chatId })),
  /** Per account: chats with unread messages and how many messages. */
  'chats:unreadCounts': command<readonly AccountUnread[]>()(z.strictObject({})),
  /** A page of a conversation: the newest, older than `before`, newer than `after`, or around a message. */
  'messages:list': command<MessagesPage>()(
    z.strictObject({
      chatId,
      before: cursor,
      after: cursor,
      aroundMessageId: messageId.nullable().optional(),
      limit: limit(200, 50),
    }),
  ),
  'search:messages': command<SearchPage>()(
    z.strictObject({
      query: z.string().max(500),
      accountIds,
      chatId: chatId.optional(),
      from: z.number().int().nonnegative().optional(),
      to: z.number().int().nonnegative().optional(),
      /** Only our messages (me) or only the customer's (them). */
      sender: z.enum(['me', 'them']).optional(),
      cursor,
      limit: limit(100, 50),
    }),
  ),
  'notes:list': command<readonly Note[]>()(z.strictObject({ chatId })),
  'templates:list': command<readonly Template[]>()(z.strictObject({})),
  /** Creates (no id) or updates a template. A shortcut used by another template is a conflict. */
  'templates:save': command<Template>()(
    z.strictObject({
      id: z.string().min(1).max(100).optional(),
      shortcut: z
        .string()
        .min(1)
        .max(40)
        .regex(/^[\p{L}\p{N}_-]+$/u, 'letters, digits, - and _ only'),
      title: z.string().min(1).max(200),
      body: z.string().min(1).max(10_000),
    }),
  ),
  'templates:delete': command<{ readonly deleted: boolean }>()(z.strictObject({ id: z.string().min(1).max(100) })),
} as const;

export type InboxEvents = {
  /** Chats whose summary, unread count or workspace fields changed (send the whole chat). */
  'chats:changed': { readonly chats: readonly Chat[] };
  /** Messages stored for the first time (received, or composed here). */
  'messages:received': { readonly messages: readonly Message[] };
  /** Messages that changed: acks, edits, deletes, reactions, decrypted placeholders, confirmed sends. */
  'messages:updated': { readonly messages: readonly Message[] };
  /**
   * An edit or delete this member asked for on a number another desktop hosts is over: the
   * host applied it (the message itself arrives as `messages:updated`) or refused it, with
   * its code (too_late, not_found, forbidden, unavailable…).
   */
  'messages:change-settled': {
    readonly messageId: string;
    readonly kind: 'edit' | 'delete';
    readonly state: 'sent' | 'failed';
    readonly error: string | null;
  };
};

export const inboxEventNames: Record<keyof InboxEvents, true> = {
  'chats:changed': true,
  'messages:received': true,
  'messages:updated': true,
  'messages:change-settled': true,
};
