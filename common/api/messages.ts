import { z } from 'zod';
import type { Message } from '../domain';
import { command } from './define';
import type { MessagesPage } from './inbox';

import { MAX_INLINE_ATTACHMENT_BYTES } from './attachment-limits';

export { MAX_ATTACHMENT_FILE_BYTES, MAX_INLINE_ATTACHMENT_BYTES } from './attachment-limits';

const chatId = z.string().min(3).max(420);
const messageId = z.string().min(3).max(420);

export const attachmentSchema = z
  .strictObject({
    fileName: z.string().min(1).max(255),
    mimeType: z.string().min(1).max(200),
    /** The file's bytes, base64 (small files only). */
    dataBase64: z
      .string()
      .max(Math.ceil(MAX_INLINE_ATTACHMENT_BYTES / 3) * 4)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'attachment data must be base64')
      .optional(),
    /** Electron only: the picked file's absolute path, read by the core. */
    path: z.string().min(1).max(4096).optional(),
    /** Headless host only: the sha-256 of a file uploaded with PUT /api/files/<sha256>. */
    uploadId: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    /** Sent as a voice note (WhatsApp's push-to-talk audio, OGG/Opus). */
    voice: z.boolean().default(false),
  })
  .refine(a => [a.dataBase64, a.path, a.uploadId].filter(v => v !== undefined).length === 1, {
    message: 'an attachment needs exactly one of dataBase64, path or uploadId',
  });

/** What the phone gave for `messages:loadOlder`. */
export type OlderHistory = {
  /** Messages the phone sent (already stored ones included: storing is idempotent). */
  readonly received: number;
  /** The phone has older messages still; false: this is the beginning of the chat. */
  readonly hasMore: boolean;
  /** Paging stopped at the provider's depth limit although the phone may hold more. */
  readonly reachedLimit: boolean;
  /** The stored messages older than those the chat had before the call, oldest first. */
  readonly page: MessagesPage;
};

export const messagesCommands = {
  /**
   * The chat's oldest stored message was reached: asks the number's WhatsApp (on this
   * desktop) for the page of messages before it, stores them through the normal ingest
   * path and answers with that page. `unavailable` while the number is not connected,
   * `forbidden` for a number this desktop does not host (a teammate's or a Cloud API number).
   */
  'messages:loadOlder': command<OlderHistory>()(z.strictObject({ chatId })),
  /**
   * Composes a message: stored at once in the outbox with an optimistic row (ack 'pending'),
   * then sent by the account when it is ready. Returns the optimistic message.
   */
  'messages:send': command<Message>()(
    z
      .strictObject({
        chatId,
        text: z.string().max(65_536).default(''),
        quotedMessageId: messageId.nullable().default(null),
        attachment: attachmentSchema.nullable().default(null),
        /** Chosen by the caller so a retried call cannot send twice. */
        clientMessageId: z.string().uuid().optional(),
      })
      .refine(a => a.text.trim() !== '' || a.attachment !== null, { message: 'a message needs text or an attachment' }),
  ),
  /** Puts a failed message back in the queue. */
  'messages:retry': command<Message>()(z.strictObject({ clientMessageId: z.string().uuid() })),
  /** Why a message was not sent: the code its sender gave (`window_closed`…), null when none is known. */
  'messages:failure': command<{ readonly reason: string | null }>()(
    z.strictObject({ clientMessageId: z.string().uuid() }),
  ),
  /**
   * Edits our own text message on WhatsApp (within 15 minutes of sending). The new text
   * reaches the store as the phone's edit event, so the bubble shows it with "Edited". On a
   * teammate's number the change goes through the workspace server to the number's host
   * (message:change; its outcome arrives as `messages:change-settled`).
   * Codes: `not_found`, `forbidden` (not our message, or a number run elsewhere while signed
   * out: details.reason `not_own` / `not_hosted`), `invalid_args` (not a text message),
   * `too_late`, `unavailable` (the number is not connected), `unsupported` (a Cloud API number).
   */
  'messages:edit': command<null>()(
    z
      .strictObject({ messageId, text: z.string().max(65_536) })
      .refine(a => a.text.trim() !== '', { message: 'an edited message needs text' }),
  ),
  /**
   * Deletes our own message for everyone (WhatsApp allows it for about two days); the store
   * marks it deleted when the phone's revoke event arrives. Same codes as `messages:edit`.
   */
  'messages:delete': command<null>()(z.strictObject({ messageId })),
  /** Reacts to a message; an empty emoji removes the reaction. */
  'messages:react': command<null>()(z.strictObject({ messageId, emoji: z.string().max(32) })),
} as const;
