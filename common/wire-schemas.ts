/**
 * Schemas for what the workspace server sends a device: the logged facts (live in
 * `sync:facts` packets and in `sync:pull` pages) and the live-only `send:requested`,
 * `presence:changed`, `typing:changed` and `media:requested`, and why a handshake was refused. A device parses each of them before use
 * (ARCHITECTURE.md §8: every event from a socket is validated with zod).
 *
 * Objects are deliberately not strict: a newer server may add fields, and an older device
 * must keep working, so unknown fields are stripped rather than refused. Known fields are
 * type-checked. The TypeScript types in protocol.ts stay the source the server writes
 * against; the checks at the end of this file make the two fail to compile if they drift.
 *
 * No transforms or refinements: pull pages of 500 facts are parsed on the catch-up path.
 */
import { z } from 'zod';
import type { Template } from './domain';
import { wireAiPolicySchema } from './protocol-ai-policy';
import type {
  ChatRevokeReason,
  NoteKind,
  SendState,
  ServerToClientEvents,
  SyncEvent,
  SyncEventBody,
  WireAccount,
  WireChat,
  WireContact,
  WireMember,
  WireMessage,
  WireNote,
  WirePresence,
  WireSend,
  WireSettings,
  WireTyping,
} from './protocol';
import { HANDSHAKE_REFUSALS, chatStatusSchema, roleSchema } from './protocol';
import { TAG_FACT_SHAPES } from './protocol-tags';
import { jidSchema } from './ids';
import { MAX_MENTIONS } from './ingest';
import { NOTICE_FACT_SHAPES } from './protocol-notices';

/** Keys the device stores or looks rows up by: an empty one could only corrupt the store. */
const key = z.string().min(1);
const keyOrNull = key.nullable();
const textOrNull = z.string().nullable();
/** Milliseconds since the epoch. */
const ms = z.number().int();
const count = z.number().int().nonnegative();
/** Event-log sequence numbers start at 1. */
export const seqSchema = z.number().int().positive();
// The same rules for the replies to commands (reply-schemas.ts).
export { count as countSchema, key as keySchema, keyOrNull as keyOrNullSchema, ms as msSchema };

// ── Wire objects ────────────────────────────────────────────────────────────────────────

export const wireMemberSchema = z.object({
  id: key,
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
});

export const wireAccountSchema = z.object({
  id: key,
  name: z.string(),
  phone: textOrNull,
  provider: z.string(),
  hostDeviceId: keyOrNull,
  hostMemberId: keyOrNull,
  hostOnline: z.boolean(),
  state: z.string(),
  memberIds: z.array(key),
  readReceipts: z.boolean().optional(),
});

export const wireChatSchema = z.object({
  id: key,
  accountId: key,
  jid: key,
  isGroup: z.boolean(),
  name: z.string(),
  lastMessageAt: ms.nullable(),
  unreadCount: count,
  status: chatStatusSchema,
  assigneeId: keyOrNull,
  tags: z.array(z.string()),
  version: count,
  slaDueAt: ms.nullable().optional(),
  pinned: z.boolean().optional(),
  archived: z.boolean().optional(),
  readAt: ms.optional(),
});

export const wireMessageSchema = z.object({
  rowId: count,
  accountId: key,
  chatId: key,
  providerMessageId: key,
  fromMe: z.boolean(),
  author: textOrNull,
  authorName: textOrNull,
  // Plain strings on the wire: apply.ts maps unknown types and acks itself, so a newer
  // server's new message type is skipped there instead of dropping the whole fact here.
  type: z.string(),
  body: textOrNull,
  caption: textOrNull,
  media: z.unknown(),
  location: z.unknown(),
  quotedProviderMessageId: keyOrNull,
  timestamp: ms,
  ack: z.string(),
  edited: z.boolean(),
  revoked: z.boolean(),
  clientMessageId: keyOrNull,
  // Optional: a server from before reactions sends none, and its messages must still read.
  reactions: z.array(z.object({ senderJid: key, emoji: z.string(), timestamp: ms })).optional(),
  // Optional: only polls carry it, and servers before shared polls send none.
  poll: z
    .object({
      question: z.string(),
      options: z.array(z.string()),
      multiple: z.boolean(),
      votes: z.array(z.object({ voterJid: key, options: z.array(z.string()), timestamp: ms })),
    })
    .optional(),
  // Optional: servers before shared mentions send none. Bounded as the push is; a list that
  // is not is dropped (the body still shows, with its digits) rather than the whole fact.
  mentions: z.array(jidSchema).max(MAX_MENTIONS).optional().catch(undefined),
});

export const wireContactSchema = z.object({
  accountId: key,
  jid: keyOrNull,
  lid: keyOrNull,
  phone: textOrNull,
  name: textOrNull,
  pushName: textOrNull,
  customName: textOrNull.optional(),
  labels: z.array(z.string().max(40)).max(20).optional(),
  note: z.string().max(2000).nullable().optional(),
});

export const noteKindSchema = z.enum(['note', 'handover']);

export const wireNoteSchema = z.object({
  id: key,
  chatId: key,
  authorId: key,
  body: z.string(),
  createdAt: ms,
  // Notes logged before handovers existed have none of these three: they were plain notes.
  // (A default is not a transform: the output type stays WireNote's.)
  kind: noteKindSchema.default('note'),
  draft: textOrNull.default(null),
  summary: textOrNull.default(null),
  clientNoteId: keyOrNull.optional(),
});

export const sendStateSchema = z.enum(['queued', 'forwarded', 'sent', 'failed']);

export const wireSendSchema = z.object({
  clientMessageId: key,
  accountId: key,
  chatId: key,
  chatJid: key,
  senderId: key,
  body: z.string(),
  quotedProviderMessageId: keyOrNull,
  state: sendStateSchema,
  providerMessageId: keyOrNull,
  error: textOrNull,
  createdAt: ms,
  attachment: z
    .object({ sha256: key, mimeType: key, fileName: textOrNull, size: z.number().int(), voice: z.boolean().optional() })
    .nullable()
    .optional(),
});

export const wireSettingsSchema = z.object({
  agentsSeeUnassigned: z.boolean(),
  // A server older than this desktop has neither rule: agents may not hand chats on there,
  // and no admin is confined to enrolment.
  agentsMayHandOver: z.boolean().default(false),
  adminsRequireMfa: z.boolean().default(false),
});

// Templates are read-only in the domain type; `.readonly()` keeps the output type equal to it.
export const wireTemplateSchema = z
  .object({ id: key, shortcut: z.string(), title: z.string(), body: z.string() })
  .readonly();

export const wireTypingSchema = z.object({
  chatId: key,
  memberId: key,
  memberName: z.string(),
  active: z.boolean(),
  expiresAt: ms,
});

export const wirePresenceSchema = z.object({
  memberId: key,
  deviceId: key,
  status: z.enum(['online', 'away', 'offline']),
});

/** The server asks the host device to upload one media file to its blob store. */
export const mediaRequestSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  accountId: key,
  providerMessageId: key,
});

export const chatRevokeReasonSchema = z.enum(['unassigned', 'account_removed', 'deactivated', 'role_changed']);

// ── Facts ───────────────────────────────────────────────────────────────────────────────

/** Every fact's own fields, keyed by its type; the body and the logged fact are built from these. */
const factShapes = {
  'chat:upserted': { chat: wireChatSchema },
  'chat:updated': { chat: wireChatSchema },
  'chat:granted': { chat: wireChatSchema },
  'chat:revoked': { chatId: key, reason: chatRevokeReasonSchema },
  'messages:upserted': { chatId: key, messages: z.array(wireMessageSchema) },
  'contacts:upserted': { accountId: key, contacts: z.array(wireContactSchema) },
  'note:added': { note: wireNoteSchema },
  'send:updated': { send: wireSendSchema },
  'account:updated': { account: wireAccountSchema },
  'account:revoked': { accountId: key },
  'member:updated': { member: wireMemberSchema },
  'access:revoked': { reason: z.enum(['deactivated', 'session_revoked']) },
  'settings:updated': { settings: wireSettingsSchema },
  'aiPolicy:updated': { policy: wireAiPolicySchema },
  'template:updated': { template: wireTemplateSchema },
  'template:deleted': { id: key },
  ...TAG_FACT_SHAPES,
  ...NOTICE_FACT_SHAPES,
} as const;

const body = <T extends keyof typeof factShapes>(type: T) => z.object({ type: z.literal(type), ...factShapes[type] });
const fact = <T extends keyof typeof factShapes>(type: T) =>
  z.object({ type: z.literal(type), ...factShapes[type], seq: seqSchema });

export const syncEventBodySchema = z.discriminatedUnion('type', [
  body('chat:upserted'),
  body('chat:updated'),
  body('chat:granted'),
  body('chat:revoked'),
  body('messages:upserted'),
  body('contacts:upserted'),
  body('note:added'),
  body('send:updated'),
  body('account:updated'),
  body('account:revoked'),
  body('member:updated'),
  body('access:revoked'),
  body('settings:updated'),
  body('aiPolicy:updated'),
  body('template:updated'),
  body('template:deleted'),
  body('tag:updated'),
  body('tag:deleted'),
  body('notice:added'),
]);

export const syncEventSchema = z.discriminatedUnion('type', [
  fact('chat:upserted'),
  fact('chat:updated'),
  fact('chat:granted'),
  fact('chat:revoked'),
  fact('messages:upserted'),
  fact('contacts:upserted'),
  fact('note:added'),
  fact('send:updated'),
  fact('account:updated'),
  fact('account:revoked'),
  fact('member:updated'),
  fact('access:revoked'),
  fact('settings:updated'),
  fact('aiPolicy:updated'),
  fact('template:updated'),
  fact('template:deleted'),
  fact('tag:updated'),
  fact('tag:deleted'),
  fact('notice:added'),
]);

/**
 * The page around the facts. Its facts are `unknown` here on purpose: a device parses
 * them one by one, so one malformed fact is dropped without losing the whole page.
 */
export const pullPageEnvelopeSchema = z.object({
  events: z.array(z.unknown()),
  cursor: z.number().int().nonnegative(),
  hasMore: z.boolean(),
});

/** A refused handshake's `connect_error.data` (older servers send none). */
export const handshakeRefusalSchema = z.object({ reason: z.enum(HANDSHAKE_REFUSALS) });

/** The whole page in one parse, for clients that would rather refuse a page than skip a fact. */
export const pullPageSchema = pullPageEnvelopeSchema.extend({ events: z.array(syncEventSchema) });

// ── The schemas and the hand-written types must agree ──────────────────────────────────

/** True only when A and B are the same type (optional and readonly modifiers included). */
export type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** An intersection such as `Body & { seq: number }` as one object type, union member by member. */
type Flat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;

// Each line fails to compile when a field is added, removed, renamed or retyped on one side only.
const agree = {
  member: true satisfies Equals<z.output<typeof wireMemberSchema>, WireMember>,
  account: true satisfies Equals<z.output<typeof wireAccountSchema>, WireAccount>,
  chat: true satisfies Equals<z.output<typeof wireChatSchema>, WireChat>,
  message: true satisfies Equals<z.output<typeof wireMessageSchema>, WireMessage>,
  contact: true satisfies Equals<z.output<typeof wireContactSchema>, WireContact>,
  noteKind: true satisfies Equals<z.output<typeof noteKindSchema>, NoteKind>,
  note: true satisfies Equals<z.output<typeof wireNoteSchema>, WireNote>,
  sendState: true satisfies Equals<z.output<typeof sendStateSchema>, SendState>,
  send: true satisfies Equals<z.output<typeof wireSendSchema>, WireSend>,
  settings: true satisfies Equals<z.output<typeof wireSettingsSchema>, WireSettings>,
  template: true satisfies Equals<z.output<typeof wireTemplateSchema>, Template>,
  typing: true satisfies Equals<z.output<typeof wireTypingSchema>, WireTyping>,
  presence: true satisfies Equals<z.output<typeof wirePresenceSchema>, WirePresence>,
  mediaRequest: true satisfies Equals<
    z.output<typeof mediaRequestSchema>,
    Parameters<ServerToClientEvents['media:requested']>[0]
  >,
  revokeReason: true satisfies Equals<z.output<typeof chatRevokeReasonSchema>, ChatRevokeReason>,
  body: true satisfies Equals<z.output<typeof syncEventBodySchema>, SyncEventBody>,
  event: true satisfies Equals<z.output<typeof syncEventSchema>, Flat<SyncEvent>>,
  page: true satisfies Equals<
    z.output<typeof pullPageSchema>,
    { events: Flat<SyncEvent>[]; cursor: number; hasMore: boolean }
  >,
};
void agree;
