/**
 * Reactions from any device (issue #20): a member reacts on a chat of a number their own
 * desktop does not host. The server sends it through Graph for a Cloud API number, or
 * relays it to the number's host, which reports the outcome. A client reaction id makes a
 * retried or redelivered command reach WhatsApp once. Registered in protocol.ts and
 * reply-schemas.ts; described in docs/protocol.md.
 */
import { z } from 'zod';
import { chatIdSchema, providerMessageIdSchema, uuidSchema } from './ids';
import type { Reply } from './result';

export const messageReactSchema = z.strictObject({
  clientReactionId: uuidSchema,
  chatId: chatIdSchema,
  providerMessageId: providerMessageIdSchema,
  /** One emoji; '' takes the member's reaction back. */
  emoji: z.string().max(32),
});
export type MessageReact = z.infer<typeof messageReactSchema>;

export const reactionReportSchema = z.strictObject({
  clientReactionId: uuidSchema,
  status: z.enum(['sent', 'failed']),
  error: z.string().max(200).nullable().default(null),
});

export const wireReactionRequestSchema = z.object({
  clientReactionId: z.string(),
  accountId: z.string(),
  chatId: z.string(),
  chatJid: z.string(),
  providerMessageId: z.string(),
  emoji: z.string(),
  /** queued: waiting for the number's host; sent and failed are final. */
  state: z.enum(['queued', 'sent', 'failed']),
  /** A code (Graph's, or the host's), never a sentence. */
  error: z.string().nullable(),
});
export type WireReactionRequest = z.infer<typeof wireReactionRequestSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface ReactionCommands {
  'message:react': Cmd<WireReactionRequest>;
  /** The host of a number: how a relayed reaction went. */
  'reaction:report': Cmd<WireReactionRequest>;
  /** The host of numbers: the reactions still waiting for it (after a reconnect). */
  'reaction:pending': Cmd<WireReactionRequest[]>;
}

export const REACTION_COMMAND_SCHEMAS = {
  'message:react': messageReactSchema,
  'reaction:report': reactionReportSchema,
  'reaction:pending': z.strictObject({}),
} as const;

export const REACTION_REPLY_SCHEMAS = {
  'message:react': wireReactionRequestSchema,
  'reaction:report': wireReactionRequestSchema,
  'reaction:pending': z.array(wireReactionRequestSchema),
} as const;
