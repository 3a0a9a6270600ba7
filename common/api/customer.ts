/**
 * The customer panel: one person across all of our numbers, read from the local store
 * (works offline). A person is matched by phone number and by privacy id (@lid), so the
 * same customer writing to two of our numbers is one profile with two conversations.
 */
import { z } from 'zod';
import type { Chat, ChatId, Message } from '../domain';
import { contactLabelsSchema, contactNameSchema, contactNoteSchema } from '../protocol-contacts';
import { command } from './define';

/** One of the person's conversations, on any of our numbers. */
export type CustomerConversation = {
  readonly chat: Chat;
  /** Oldest and newest stored message in it (null when none is stored yet). */
  readonly firstAt: number | null;
  readonly lastAt: number | null;
};

export type CustomerProfile = {
  /** The chat the panel was opened from. */
  readonly chatId: ChatId;
  /** The team's name when set, else WhatsApp's. */
  readonly name: string;
  /** The name WhatsApp gives the person (or their number), whatever the team calls them. */
  readonly whatsAppName: string;
  /** The team's name for the person (customer:update); null: WhatsApp's name shows. */
  readonly customName: string | null;
  /** The team's labels on the person. */
  readonly labels: readonly string[];
  /** The team's note about the person (not about one chat); null when none is written. */
  readonly note: string | null;
  /** Digits only; null when WhatsApp hides the number (the person is only known by a @lid). */
  readonly phone: string | null;
  /** Newest activity first; includes the chat the panel was opened from. */
  readonly conversations: readonly CustomerConversation[];
  readonly firstContactAt: number | null;
  readonly lastContactAt: number | null;
  /** Newest first, across every conversation, at most CUSTOMER_MEDIA_LIMIT. */
  readonly media: readonly Message[];
};

export const CUSTOMER_MEDIA_LIMIT = 24;

const chatId = z
  .string()
  .min(3)
  .max(420)
  .transform(s => s as ChatId);

export const customerCommands = {
  /** The person behind a one-to-one chat; `not_found` for an unknown chat, `invalid_args` for a group. */
  'customer:get': command<CustomerProfile>()(z.strictObject({ chatId })),
  /**
   * The team's name (null or '' clears it), labels and note (null or '' clears it) for the person behind a one-to-one
   * chat. Signed in to a workspace, the server takes it first (contact:update: shared with
   * the team; `unavailable` while it cannot be reached, and nothing changes); otherwise it
   * is kept on this device.
   */
  'customer:update': command<CustomerProfile>()(
    z
      .strictObject({
        chatId,
        name: contactNameSchema.optional(),
        labels: contactLabelsSchema.optional(),
        note: contactNoteSchema.optional(),
      })
      .refine(p => p.name !== undefined || p.labels !== undefined || p.note !== undefined, {
        message: 'nothing to change: give name, labels or note',
      }),
  ),
} as const;
