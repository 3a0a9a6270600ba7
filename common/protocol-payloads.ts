/**
 * The limits of the workspace sync protocol and the payload schemas of its core commands
 * (pull and push, numbers, members, settings, chats, messages, notes, templates, presence,
 * sessions, sign-in). protocol.ts re-exports everything here, with the command table and
 * the event maps; feature commands live in their own protocol-*.ts files.
 */
import { z } from 'zod';
import { accountIdSchema, chatIdSchema, providerMessageIdSchema, uuidSchema } from './ids';
import {
  ackUpdateSchema,
  chatInputSchema,
  contactInputSchema,
  editUpdateSchema,
  messageInputSchema,
  pollVoteSchema,
  reactionInputSchema,
  revokeUpdateSchema,
} from './ingest';
import { MAX_EMAIL_CHARS } from './limits';
import { attachmentRefSchema } from './protocol-attachments';
import { loginCodeSchema } from './protocol-mfa';
import { platformSchema } from './protocol-sessions';

export const SYNC_NAMESPACE = '/sync';
/** Largest Socket.IO packet the server accepts (bytes); larger packets close the connection. */
export const MAX_PACKET_BYTES = 4_000_000;
/** Items in one push batch, all kinds together. */
export const MAX_PUSH_ITEMS = 2_000;
/**
 * `sync:push` batches a host keeps in flight: two hide the round trip behind the server's
 * work on the previous batch (it applies one device's pushes in the order sent); more
 * would only wait on the server.
 */
export const PUSH_WINDOW = 2;
export const MAX_PULL_PAGE = 1_000;

/**
 * Why the handshake refused a token, in the `connect_error`'s `data.reason` (its message is
 * always `unauthenticated`). A revoked session or a deactivated member means this device's
 * access was removed and it drops the workspace's data; an unknown token only means it must
 * sign in again (the server may have been reset), so it keeps them; so does an expired
 * session (idle or too old), whose sign-in form says why.
 */
export const HANDSHAKE_REFUSALS = [
  'unknown_token',
  'session_revoked',
  'member_deactivated',
  'session_expired',
] as const;
export type HandshakeRefusal = (typeof HANDSHAKE_REFUSALS)[number];

/**
 * The `details` of the `forbidden` that `account:register` and `sync:push` answer when the
 * device's member may no longer see the number it hosts (an admin removed them from it).
 */
export const NOT_ACCOUNT_MEMBER = { reason: 'not_account_member' } as const;
/** The `details` of the `invalid_args` a `sync:push` gets when a vote names a poll the server does not have. */
export const UNKNOWN_POLL = { reason: 'unknown_poll' } as const;

const id = accountIdSchema;
const providerId = providerMessageIdSchema;
const chatId = chatIdSchema;
const uuid = uuidSchema;
const version = z.number().int().nonnegative();
const tag = z.string().min(1).max(50);

/** RFC 5321's longest usable address; the column holds 320. */
export { MAX_EMAIL_CHARS };
const emailSchema = z.email().max(MAX_EMAIL_CHARS);

export const chatStatusSchema = z.enum(['open', 'pending', 'resolved']);
export const roleSchema = z.enum(['admin', 'lead', 'agent']);

// ── Command payloads ────────────────────────────────────────────────────────────────────

export const pullSchema = z.strictObject({
  cursor: z.number().int().nonnegative(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE).default(500),
});

export const pushSchema = z
  .strictObject({
    /** The device's id for this batch; a retried batch with the same id is answered from memory of its effects (upserts are idempotent anyway). */
    batchId: uuid.optional(),
    contacts: z.array(contactInputSchema).max(MAX_PUSH_ITEMS).default([]),
    chats: z.array(chatInputSchema).max(MAX_PUSH_ITEMS).default([]),
    messages: z.array(messageInputSchema).max(MAX_PUSH_ITEMS).default([]),
    acks: z.array(ackUpdateSchema).max(MAX_PUSH_ITEMS).default([]),
    edits: z.array(editUpdateSchema).max(MAX_PUSH_ITEMS).default([]),
    revokes: z.array(revokeUpdateSchema).max(MAX_PUSH_ITEMS).default([]),
    /** An empty emoji removes the sender's reaction; the newest per sender wins. */
    reactions: z.array(reactionInputSchema).max(MAX_PUSH_ITEMS).default([]),
    /**
     * Poll votes, one voter's current choice each (the newest per voter wins). Each names a
     * poll the server has (pushed earlier or in this batch); otherwise the push is refused
     * (`invalid_args`, details `{ reason: 'unknown_poll' }`).
     */
    votes: z.array(pollVoteSchema).max(MAX_PUSH_ITEMS).default([]),
  })
  .refine(
    b =>
      b.contacts.length +
        b.chats.length +
        b.messages.length +
        b.acks.length +
        b.edits.length +
        b.revokes.length +
        b.reactions.length +
        b.votes.length <=
      MAX_PUSH_ITEMS,
    { message: `a push batch holds at most ${MAX_PUSH_ITEMS} items` },
  );

export const accountRegisterSchema = z.strictObject({
  accountId: id,
  name: z.string().min(1).max(200),
  phone: z
    .string()
    .regex(/^\d{5,20}$/)
    .nullable()
    .default(null),
  provider: z.enum(['webjs', 'simulator']),
});
export const accountStateSchema = z.strictObject({ accountId: id, state: z.string().min(1).max(40) });
export const accountMemberSchema = z.strictObject({ accountId: id, memberId: uuid });

export const memberCreateSchema = z.strictObject({
  email: emailSchema,
  name: z.string().min(1).max(200),
  role: roleSchema,
  password: z.string().min(10).max(200),
});
export const memberUpdateSchema = z.strictObject({
  memberId: uuid,
  name: z.string().min(1).max(200).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
});
/**
 * Workspace settings: each field optional, the ones sent change and the rest stay; the
 * reply and the `settings:updated` fact carry all of them.
 */
export const settingsUpdateSchema = z
  .strictObject({
    agentsSeeUnassigned: z.boolean().optional(),
    agentsMayHandOver: z.boolean().optional(),
    adminsRequireMfa: z.boolean().optional(),
  })
  .refine(s => Object.values(s).some(v => v !== undefined), { message: 'empty_update' });

/** What the previous owner leaves for the next one when a chat is transferred; stored as a note of kind 'handover'. */
export const handoverSchema = z.strictObject({
  note: z.string().max(10_000).default(''),
  draft: z.string().max(65_536).nullable().default(null),
  summary: z.string().max(10_000).nullable().default(null),
});
export const chatAssignSchema = z.strictObject({
  chatId,
  assigneeId: uuid.nullable(),
  version,
  handover: handoverSchema.optional(),
});
export const chatClaimSchema = z.strictObject({ chatId, version });
export const chatStatusUpdateSchema = z.strictObject({ chatId, status: chatStatusSchema, version });
export const chatTagsSchema = z.strictObject({ chatId, tags: z.array(tag).max(20), version });
export const chatGetSchema = z.strictObject({ chatId });
export const chatListSchema = z.strictObject({
  accountId: id,
  /** Keyset: chats with an id greater than this one. */
  after: chatId.nullable().default(null),
  limit: z.number().int().min(1).max(500).default(200),
});
export const messagesListSchema = z.strictObject({
  chatId,
  /** Keyset: messages strictly older than this (timestamp, server row id). */
  before: z.strictObject({ timestamp: z.number().int(), rowId: z.number().int() }).nullable().default(null),
  limit: z.number().int().min(1).max(200).default(50),
});
export const noteAddSchema = z.strictObject({
  chatId,
  body: z.string().min(1).max(10_000),
  /** The device's id for this note: a retry with the same id gets the stored note back, never a second one. */
  clientNoteId: uuid.optional(),
});
/** "X is replying": live only, never logged. */
export const typingSetSchema = z.strictObject({ chatId, active: z.boolean() });

export const messageSendFields = z.strictObject({
  clientMessageId: uuid,
  chatId,
  /** The text, or with an attachment its caption (which may be empty). */
  body: z.string().max(65_536),
  quotedProviderMessageId: providerId.nullable().default(null),
  attachment: attachmentRefSchema.nullable().default(null),
});
export const messageSendSchema = messageSendFields.refine(a => a.body.length > 0 || a.attachment !== null, {
  message: 'a message needs a body or an attachment',
});
export const sendReportSchema = z.strictObject({
  clientMessageId: uuid,
  status: z.enum(['sent', 'failed']),
  providerMessageId: providerId.nullable().default(null),
  error: z.string().max(500).nullable().default(null),
});

export const templateUpsertSchema = z.strictObject({
  id: uuid.optional(),
  shortcut: z.string().regex(/^[a-z0-9_-]{1,40}$/),
  title: z.string().min(1).max(200),
  body: z.string().min(1).max(10_000),
});
export const templateDeleteSchema = z.strictObject({ id: uuid });
export const presenceSetSchema = z.strictObject({ status: z.enum(['online', 'away']) });
export const sessionRevokeSchema = z.strictObject({ sessionId: uuid });
export const emptySchema = z.strictObject({});

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string().min(1).max(200),
  deviceName: z.string().min(1).max(100),
  platform: platformSchema.optional(),
  /** A random key the device keeps for good: a device that signed in before skips the e-mail's back-off. */
  deviceKey: z.string().min(16).max(200).optional(),
  /** A TOTP code or a recovery code, for a member with two-step sign-in (protocol-mfa.ts). */
  code: loginCodeSchema.optional(),
});
