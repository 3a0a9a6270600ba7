/** Chat actions an agent takes on a whole chat: mark unread, pin, archive, mute. */
import { z } from 'zod';
import type { Chat, ChatId } from '../domain';
import { command } from './define';

/** Each flag is optional: only the ones given change; at least one must be given. */
export const chatFlagsSchema = z
  .strictObject({
    chatId: z
      .string()
      .min(3)
      .max(420)
      .transform(s => s as ChatId),
    pinned: z.boolean().optional(),
    archived: z.boolean().optional(),
    muted: z.boolean().optional(),
    /** true: marked unread (as WhatsApp's "Mark as unread"); false: read. */
    unread: z.boolean().optional(),
  })
  .refine(a => a.pinned !== undefined || a.archived !== undefined || a.muted !== undefined || a.unread !== undefined, {
    message: 'give at least one of pinned, archived, muted, unread',
  });

export type ChatFlags = Omit<z.output<typeof chatFlagsSchema>, 'chatId'>;

export const chatActionsCommands = {
  /**
   * Applies the flags to the chat on this device at once (the answer is the changed chat)
   * and passes them to the number's WhatsApp session when it is connected.
   */
  'chats:setFlags': command<Chat>()(chatFlagsSchema),
  /**
   * Blocks (or unblocks) the person behind a one-to-one chat on WhatsApp, through the number
   * this desktop runs; the answer is the chat once WhatsApp did it. `invalid_args` with
   * `details.reason` 'group', 'remote' (a number another desktop or the server runs) or
   * 'not_supported' (the number's kind cannot block); `unavailable` while it is not connected.
   */
  'chats:setBlocked': command<Chat>()(
    z.strictObject({
      chatId: z
        .string()
        .min(3)
        .max(420)
        .transform(s => s as ChatId),
      blocked: z.boolean(),
    }),
  ),
} as const;
