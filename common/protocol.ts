/**
 * The workspace sync protocol: what a device and the server say to each other on the
 * Socket.IO namespace `/sync`. Commands are `entity:verb` with an ack that answers a
 * `Reply<T>`; facts are `entity:past-tense` and carry the event-log sequence number.
 * Every command payload is parsed with its schema below before the server uses it.
 * Described for third-party clients in docs/protocol.md.
 */
import { z } from 'zod';
import type { Template } from './domain';
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
import { platformSchema } from './protocol-sessions';
import { attachmentRefSchema } from './protocol-attachments';
import type { WirePasswordReset, WireSession } from './protocol-sessions';
import { passwordChangeSchema, passwordResetStartSchema, sessionListSchema } from './protocol-sessions';
import type { Reply } from './result';
import { auditListSchema } from './protocol-audit';

export { auditListSchema };
import type { MfaCommands } from './protocol-mfa';
import type { AiPolicyCommands, WireAiPolicy } from './protocol-ai-policy';
import { AI_POLICY_COMMAND_SCHEMAS } from './protocol-ai-policy';
import { MFA_COMMAND_SCHEMAS, loginCodeSchema } from './protocol-mfa';
import type { TagCommands, WireTag } from './protocol-tags';
import type { WireNotice } from './protocol-notices';
import type { ReportsCommands } from './protocol-reports';
import type { AutomationCommands } from './protocol-automation';
import { AUTOMATION_COMMAND_SCHEMAS } from './protocol-automation';
import type { AssignmentCommands } from './protocol-assignment';
import { ASSIGNMENT_COMMAND_SCHEMAS } from './protocol-assignment';
import type { AutomationRuleCommands } from './protocol-automation-rules';
import type { AutomationAiCommands } from './protocol-automation-ai';
import { AUTOMATION_AI_COMMAND_SCHEMAS } from './protocol-automation-ai';
import { AUTOMATION_RULE_COMMAND_SCHEMAS } from './protocol-automation-rules';
import { REPORTS_COMMAND_SCHEMAS } from './protocol-reports';
import { TAG_COMMAND_SCHEMAS } from './protocol-tags';
import type { ChatFlagCommands } from './protocol-chat-flags';
import { CHAT_FLAG_COMMAND_SCHEMAS } from './protocol-chat-flags';
import type { ContactCommands } from './protocol-contacts';
import { CONTACT_COMMAND_SCHEMAS } from './protocol-contacts';
import type { ApiKeyCommands } from './protocol-api-keys';
import { API_KEY_COMMAND_SCHEMAS } from './protocol-api-keys';
import type { WebhookCommands, WireWebhookDisabled } from './protocol-webhooks';
import type { CloudCommands } from './protocol-cloud';
import { CLOUD_COMMAND_SCHEMAS } from './protocol-cloud';
import type { ReactionCommands, WireReactionRequest } from './protocol-reactions';
import { REACTION_COMMAND_SCHEMAS } from './protocol-reactions';
import type { ReadReceiptCommands, WireReadRequest } from './protocol-read-receipts';
import { READ_RECEIPT_COMMAND_SCHEMAS } from './protocol-read-receipts';
import { WEBHOOK_COMMAND_SCHEMAS } from './protocol-webhooks';
import { MAX_EMAIL_CHARS } from './limits';

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

// ── Wire shapes (protocol-wire.ts) ──────────────────────────────────────────────────────
export type {
  WireMember,
  WireAccount,
  WireChat,
  WireMessage,
  WireReaction,
  WirePoll,
  WirePollVote,
  WireContact,
  NoteKind,
  WireNote,
  WireTyping,
  SendState,
  WireAttachment,
  WireSend,
  WireSettings,
  WireAudit,
  WirePresence,
  ChatRevokeReason,
} from './protocol-wire';
import type {
  WireMember,
  WireAccount,
  WireChat,
  WireMessage,
  WireContact,
  WireNote,
  WireTyping,
  WireSend,
  WireSettings,
  WireAudit,
  WirePresence,
  ChatRevokeReason,
} from './protocol-wire';

/** Facts recorded in the event log; they arrive live in `sync:facts` packets and in pull pages. */
export type SyncEventBody =
  | { type: 'chat:upserted'; chat: WireChat }
  | { type: 'chat:updated'; chat: WireChat }
  | { type: 'chat:granted'; chat: WireChat }
  | { type: 'chat:revoked'; chatId: string; reason: ChatRevokeReason }
  | { type: 'messages:upserted'; chatId: string; messages: WireMessage[] }
  | { type: 'contacts:upserted'; accountId: string; contacts: WireContact[] }
  | { type: 'note:added'; note: WireNote }
  | { type: 'send:updated'; send: WireSend }
  | { type: 'account:updated'; account: WireAccount }
  | { type: 'account:revoked'; accountId: string }
  | { type: 'member:updated'; member: WireMember }
  | { type: 'access:revoked'; reason: 'deactivated' | 'session_revoked' }
  | { type: 'settings:updated'; settings: WireSettings }
  | { type: 'aiPolicy:updated'; policy: WireAiPolicy }
  | { type: 'template:updated'; template: Template }
  | { type: 'template:deleted'; id: string }
  | { type: 'tag:updated'; tag: WireTag }
  | { type: 'tag:deleted'; name: string }
  | { type: 'notice:added'; notice: WireNotice };
export type SyncEvent = SyncEventBody & { seq: number };
export type SyncEventType = SyncEvent['type'];

export type PullPage = { events: SyncEvent[]; cursor: number; hasMore: boolean };
export type PushResult = { messages: number; chats: number; contacts: number; updates: number; lastSeq: number | null };

type Ack<T> = (reply: Reply<T>) => void;
type Cmd<T> = (payload: unknown, ack: Ack<T>) => void;

export interface ClientToServerEvents
  extends
    MfaCommands,
    TagCommands,
    ContactCommands,
    ChatFlagCommands,
    AiPolicyCommands,
    ReportsCommands,
    AutomationCommands,
    AssignmentCommands,
    AutomationRuleCommands,
    AutomationAiCommands,
    ApiKeyCommands,
    WebhookCommands,
    CloudCommands,
    ReactionCommands,
    ReadReceiptCommands {
  'sync:pull': Cmd<PullPage>;
  'sync:push': Cmd<PushResult>;
  'account:register': Cmd<WireAccount>;
  'account:report-state': Cmd<WireAccount>;
  'account:list': Cmd<WireAccount[]>;
  'account:add-member': Cmd<WireAccount>;
  'account:remove-member': Cmd<WireAccount>;
  'member:list': Cmd<WireMember[]>;
  'member:create': Cmd<WireMember>;
  'member:update': Cmd<WireMember>;
  'settings:get': Cmd<WireSettings>;
  'settings:update': Cmd<WireSettings>;
  'chat:get': Cmd<{ chat: WireChat; notes: WireNote[] }>;
  'chat:list': Cmd<WireChat[]>;
  'chat:assign': Cmd<WireChat>;
  'chat:claim': Cmd<WireChat>;
  'chat:set-status': Cmd<WireChat>;
  'chat:set-tags': Cmd<WireChat>;
  'messages:list': Cmd<WireMessage[]>;
  'note:add': Cmd<WireNote>;
  'typing:set': Cmd<{ chatId: string; active: boolean }>;
  'message:send': Cmd<WireSend>;
  'send:pending': Cmd<WireSend[]>;
  'send:report': Cmd<WireSend>;
  'template:list': Cmd<Template[]>;
  'template:upsert': Cmd<Template>;
  'template:delete': Cmd<{ id: string }>;
  'presence:set': Cmd<WirePresence>;
  'presence:list': Cmd<WirePresence[]>;
  'session:revoke': Cmd<{ sessionId: string }>;
  'session:list': Cmd<WireSession[]>;
  'password:change': Cmd<{ signedOut: number }>;
  'password:reset-start': Cmd<WirePasswordReset>;
  'audit:list': Cmd<WireAudit[]>;
}
export type CommandName = keyof ClientToServerEvents;

/** Most facts one live packet carries, and most messages (messages:upserted) across them. */
export const MAX_FACTS_PER_PACKET = 500;
export const MAX_MESSAGES_PER_PACKET = 2_000;

export interface ServerToClientEvents {
  /**
   * Logged facts, live: consecutive facts with the same audience in one packet, in `seq`
   * order (packets too). They do not move the cursor; see docs/protocol.md.
   */
  'sync:facts': (facts: SyncEvent[]) => void;
  /** To the host device only: a relayed send to perform (not logged; re-sent until reported). */
  'send:requested': (send: WireSend) => void;
  /** To a number's host: react on its behalf, then `reaction:report` (protocol-reactions.ts). */
  'reaction:requested': (reaction: WireReactionRequest) => void;
  /** To a number's host: mark this chat read on WhatsApp (protocol-read-receipts.ts). */
  'read:requested': (read: WireReadRequest) => void;
  /** To the host device only: upload these media bytes with PUT /api/blobs/:sha256. */
  'media:requested': (req: { sha256: string; accountId: string; providerMessageId: string }) => void;
  /** Not logged: who is online, on which device. */
  'presence:changed': (p: WirePresence) => void;
  /** Not logged, volatile: another member started or stopped replying in a chat you may see. */
  'typing:changed': (t: WireTyping) => void;
  /** To admins only, not logged: the server disabled a failing webhook endpoint. */
  'webhook:disabled': (w: WireWebhookDisabled) => void;
}

/** The schema for every command, so the server can refuse anything it cannot parse. */
export const COMMAND_SCHEMAS = {
  'sync:pull': pullSchema,
  'sync:push': pushSchema,
  'account:register': accountRegisterSchema,
  'account:report-state': accountStateSchema,
  'account:list': emptySchema,
  'account:add-member': accountMemberSchema,
  'account:remove-member': accountMemberSchema,
  'member:list': emptySchema,
  'member:create': memberCreateSchema,
  'member:update': memberUpdateSchema,
  'settings:get': emptySchema,
  'settings:update': settingsUpdateSchema,
  'chat:get': chatGetSchema,
  'chat:list': chatListSchema,
  'chat:assign': chatAssignSchema,
  'chat:claim': chatClaimSchema,
  'chat:set-status': chatStatusUpdateSchema,
  'chat:set-tags': chatTagsSchema,
  'messages:list': messagesListSchema,
  'note:add': noteAddSchema,
  'typing:set': typingSetSchema,
  'message:send': messageSendSchema,
  'send:pending': emptySchema,
  'send:report': sendReportSchema,
  'template:list': emptySchema,
  'template:upsert': templateUpsertSchema,
  'template:delete': templateDeleteSchema,
  'presence:set': presenceSetSchema,
  'presence:list': emptySchema,
  'session:revoke': sessionRevokeSchema,
  'session:list': sessionListSchema,
  'password:change': passwordChangeSchema,
  'password:reset-start': passwordResetStartSchema,
  'audit:list': auditListSchema,
  ...MFA_COMMAND_SCHEMAS,
  ...TAG_COMMAND_SCHEMAS,
  ...CONTACT_COMMAND_SCHEMAS,
  ...CHAT_FLAG_COMMAND_SCHEMAS,
  ...AI_POLICY_COMMAND_SCHEMAS,
  ...REPORTS_COMMAND_SCHEMAS,
  ...AUTOMATION_COMMAND_SCHEMAS,
  ...ASSIGNMENT_COMMAND_SCHEMAS,
  ...AUTOMATION_RULE_COMMAND_SCHEMAS,
  ...AUTOMATION_AI_COMMAND_SCHEMAS,
  ...API_KEY_COMMAND_SCHEMAS,
  ...WEBHOOK_COMMAND_SCHEMAS,
  ...CLOUD_COMMAND_SCHEMAS,
  ...REACTION_COMMAND_SCHEMAS,
  ...READ_RECEIPT_COMMAND_SCHEMAS,
} as const satisfies Record<CommandName, z.ZodType>;

export const COMMAND_NAMES = Object.keys(COMMAND_SCHEMAS) as CommandName[];
export type CommandArgs<K extends CommandName> = z.infer<(typeof COMMAND_SCHEMAS)[K]>;
export type CommandResult<K extends CommandName> =
  Parameters<ClientToServerEvents[K]>[1] extends Ack<infer T> ? T : never;
