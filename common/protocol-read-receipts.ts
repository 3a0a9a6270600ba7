/**
 * Read receipts from any device (issue #19): a member opens a chat of a number their own
 * desktop does not host, and the customer sees their message read. The server marks the
 * chat's last inbound message read through Graph for a Cloud API number (from a durable
 * queue, so a Graph outage retries), or relays it to the number's host, which tells its
 * WhatsApp session. Each message is marked once, however often `chat:read` comes. A
 * number's "Send read receipts" setting (on by default) stops both. Registered in
 * protocol.ts and reply-schemas.ts; described in docs/protocol.md.
 */
import { z } from 'zod';
import { accountIdSchema, chatIdSchema, providerMessageIdSchema } from './ids';
import type { Reply } from './result';

export const chatReadSchema = z.strictObject({
  chatId: chatIdSchema,
  /** Read up to this message (the newest one shown); absent: up to the chat's newest. */
  upToMessageId: providerMessageIdSchema.optional(),
});
export type ChatRead = z.infer<typeof chatReadSchema>;

export const READ_RECEIPT_OUTCOMES = ['queued', 'relayed', 'done', 'off', 'none', 'no_host'] as const;

export const wireChatReadSchema = z.object({
  chatId: z.string(),
  /** The inbound message the receipt is for; null when the chat has none. */
  providerMessageId: z.string().nullable(),
  /**
   * queued: the server will mark it read through Graph; relayed: sent to the number's host;
   * done: that message was marked already; off: the number does not send read receipts;
   * none: no inbound message to mark; no_host: no device hosts the number just now.
   */
  receipt: z.enum(READ_RECEIPT_OUTCOMES),
});
export type WireChatRead = z.infer<typeof wireChatReadSchema>;

export const readReceiptsSetSchema = z.strictObject({ accountId: accountIdSchema, enabled: z.boolean() });
export const wireReadReceiptsSchema = z.object({ accountId: z.string(), enabled: z.boolean() });
export type WireReadReceipts = z.infer<typeof wireReadReceiptsSchema>;

/** To a number's host: tell WhatsApp this chat was read (not logged; once per message). */
export const wireReadRequestSchema = z.object({
  accountId: z.string(),
  chatId: z.string(),
  chatJid: z.string(),
  providerMessageId: z.string(),
});
export type WireReadRequest = z.infer<typeof wireReadRequestSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface ReadReceiptCommands {
  'chat:read': Cmd<WireChatRead>;
  /** Admins (capability accounts.manage): the number's "Send read receipts" setting. */
  'account:set-read-receipts': Cmd<WireReadReceipts>;
}

export const READ_RECEIPT_COMMAND_SCHEMAS = {
  'chat:read': chatReadSchema,
  'account:set-read-receipts': readReceiptsSetSchema,
} as const;

export const READ_RECEIPT_REPLY_SCHEMAS = {
  'chat:read': wireChatReadSchema,
  'account:set-read-receipts': wireReadReceiptsSchema,
} as const;
