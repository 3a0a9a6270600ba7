/**
 * The customer panel: one person across all of our numbers, read from the local store
 * (works offline). A person is matched by phone number and by privacy id (@lid), so the
 * same customer writing to two of our numbers is one profile with two conversations.
 */
import { z } from 'zod';
import type { Chat, ChatId, Message } from '../domain';
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
  readonly name: string;
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
} as const;
