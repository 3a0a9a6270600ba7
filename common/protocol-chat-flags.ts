/**
 * Pin and archive as the team's shared state (issue #21): in a workspace, a chat one agent
 * pins or archives is pinned or archived on every desktop that sees it. Mute stays personal
 * (it silences one agent's notifications), and so does nothing else here. Flags are not
 * versioned like status and tags: setting one is idempotent and the last change wins, so a
 * change made offline never conflicts. Registered in protocol.ts and reply-schemas.ts;
 * described in docs/protocol.md, "Chats".
 */
import { z } from 'zod';
import type { WireChat } from './protocol-wire';
import type { Reply } from './result';

export const chatFlagsUpdateSchema = z
  .strictObject({
    chatId: z.string().min(3).max(420),
    pinned: z.boolean().optional(),
    archived: z.boolean().optional(),
  })
  .refine(p => p.pinned !== undefined || p.archived !== undefined, { message: 'give pinned, archived or both' });
export type ChatFlagsUpdate = z.output<typeof chatFlagsUpdateSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface ChatFlagCommands {
  /** Returns the chat after the change; every device that sees it gets a chat:updated fact. */
  'chat:set-flags': Cmd<WireChat>;
}

export const CHAT_FLAG_COMMAND_SCHEMAS = {
  'chat:set-flags': chatFlagsUpdateSchema,
} as const;
