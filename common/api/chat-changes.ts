/**
 * Status and tag changes waiting on this desktop for the workspace server (made offline),
 * and the agent's answer to one that met a change made meanwhile by someone else.
 */
import { z } from 'zod';
import type { ChatStatus } from '../domain';

export type PendingChatChange = {
  readonly chatId: string;
  readonly field: 'status' | 'tags';
  readonly value: ChatStatus | readonly string[];
  /** 'queued'/'sending': waiting to send; 'conflict': the server holds another value. */
  readonly state: 'queued' | 'sending' | 'conflict';
  /** On conflict: the server's value (null when it refused the change outright). */
  readonly serverValue: ChatStatus | readonly string[] | null;
  /** On conflict: the member the chat is assigned to on the server now, if any. */
  readonly serverBy: string | null;
};

export const chatChangeFieldSchema = z.enum(['status', 'tags']);
/** "Apply mine" sends ours again against the current version; "keep theirs" drops ours. */
export const resolveChatChangeSchema = z.strictObject({
  chatId: z.string().min(3).max(420),
  field: chatChangeFieldSchema,
  keep: z.enum(['mine', 'theirs']),
});
