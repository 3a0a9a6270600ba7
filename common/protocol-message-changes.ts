/**
 * Edit and delete-for-everyone of our own messages from any device (issue #20): a member
 * changes a message on a number their desktop does not host. One command for both kinds
 * (`message:change`, `kind: 'edit' | 'delete'`): they share the checks, the table, the
 * relay and the report, and differ only in the window and the text. The server stores the
 * request under the client's id first, so a retried or redelivered command reaches WhatsApp
 * once, and relays it to the number's host (`message-change:requested`), which applies it
 * through the provider and reports (`message-change:report`). Cloud API numbers cannot edit
 * or delete a sent message (Graph has no such call): refused with `unsupported`.
 * Registered in protocol.ts and reply-schemas.ts; described in docs/protocol.md.
 */
import { z } from 'zod';
import { chatIdSchema, providerMessageIdSchema, uuidSchema } from './ids';
import type { Reply } from './result';

export const messageChangeSchema = z
  .strictObject({
    clientChangeId: uuidSchema,
    chatId: chatIdSchema,
    providerMessageId: providerMessageIdSchema,
    kind: z.enum(['edit', 'delete']),
    /** The new text of an edit; null for a delete. */
    text: z.string().max(65_536).nullable().default(null),
  })
  .refine(a => (a.kind === 'edit' ? a.text !== null && a.text.trim() !== '' : a.text === null), {
    message: 'an edit needs text, a delete none',
  });
export type MessageChange = z.infer<typeof messageChangeSchema>;

export const messageChangeReportSchema = z.strictObject({
  clientChangeId: uuidSchema,
  status: z.enum(['sent', 'failed']),
  error: z.string().max(200).nullable().default(null),
});

export const wireMessageChangeSchema = z.object({
  clientChangeId: z.string(),
  accountId: z.string(),
  chatId: z.string(),
  chatJid: z.string(),
  providerMessageId: z.string(),
  kind: z.enum(['edit', 'delete']),
  text: z.string().nullable(),
  /** queued: waiting for the number's host; sent and failed are final. */
  state: z.enum(['queued', 'sent', 'failed']),
  /** A code (the host's: too_late, not_found, forbidden, unavailable…), never a sentence. */
  error: z.string().nullable(),
});
export type WireMessageChange = z.infer<typeof wireMessageChangeSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface MessageChangeCommands {
  'message:change': Cmd<WireMessageChange>;
  /** The host of a number: how a relayed edit or delete went. */
  'message-change:report': Cmd<WireMessageChange>;
  /** The host of numbers: the changes still waiting for it (after a reconnect). */
  'message-change:pending': Cmd<WireMessageChange[]>;
}

export const MESSAGE_CHANGE_COMMAND_SCHEMAS = {
  'message:change': messageChangeSchema,
  'message-change:report': messageChangeReportSchema,
  'message-change:pending': z.strictObject({}),
} as const;

export const MESSAGE_CHANGE_REPLY_SCHEMAS = {
  'message:change': wireMessageChangeSchema,
  'message-change:report': wireMessageChangeSchema,
  'message-change:pending': z.array(wireMessageChangeSchema),
} as const;
