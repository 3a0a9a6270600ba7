/**
 * The workspace sync protocol: what a device and the server say to each other on the
 * Socket.IO namespace `/sync`. Commands are `entity:verb` with an ack that answers a
 * `Reply<T>`; facts are `entity:past-tense` and carry the event-log sequence number.
 * Every command payload is parsed with its schema (COMMAND_SCHEMAS below; the core
 * commands' payloads and the limits are in protocol-payloads.ts) before the server uses it.
 * Described for third-party clients in docs/protocol.md.
 */
import type { z } from 'zod';
import type { Template } from './domain';
import type { WirePasswordReset, WireSession } from './protocol-sessions';
import { passwordChangeSchema, passwordResetStartSchema, sessionListSchema } from './protocol-sessions';
import type { Reply } from './result';
import { auditListSchema } from './protocol-audit';

export { auditListSchema };
import type { MfaCommands } from './protocol-mfa';
import type { AiPolicyCommands, WireAiPolicy } from './protocol-ai-policy';
import { AI_POLICY_COMMAND_SCHEMAS } from './protocol-ai-policy';
import { MFA_COMMAND_SCHEMAS } from './protocol-mfa';
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
import type { MessageChangeCommands, WireMessageChange } from './protocol-message-changes';
import { MESSAGE_CHANGE_COMMAND_SCHEMAS } from './protocol-message-changes';
import type { ReadReceiptCommands, WireReadRequest } from './protocol-read-receipts';
import { READ_RECEIPT_COMMAND_SCHEMAS } from './protocol-read-receipts';
import { WEBHOOK_COMMAND_SCHEMAS } from './protocol-webhooks';

export * from './protocol-payloads';
import {
  pullSchema,
  pushSchema,
  accountRegisterSchema,
  accountStateSchema,
  accountMemberSchema,
  memberCreateSchema,
  memberUpdateSchema,
  settingsUpdateSchema,
  chatAssignSchema,
  chatClaimSchema,
  chatStatusUpdateSchema,
  chatTagsSchema,
  chatGetSchema,
  chatListSchema,
  messagesListSchema,
  noteAddSchema,
  typingSetSchema,
  messageSendSchema,
  sendReportSchema,
  templateUpsertSchema,
  templateDeleteSchema,
  presenceSetSchema,
  sessionRevokeSchema,
  emptySchema,
} from './protocol-payloads';

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
    MessageChangeCommands,
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
  /** To a number's host: edit or delete our message on its behalf, then `message-change:report`. */
  'message-change:requested': (change: WireMessageChange) => void;
  /** To the requesting member's devices, not logged: how their relayed edit or delete went. */
  'message-change:settled': (change: WireMessageChange) => void;
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
  ...MESSAGE_CHANGE_COMMAND_SCHEMAS,
  ...READ_RECEIPT_COMMAND_SCHEMAS,
} as const satisfies Record<CommandName, z.ZodType>;

export const COMMAND_NAMES = Object.keys(COMMAND_SCHEMAS) as CommandName[];
export type CommandArgs<K extends CommandName> = z.infer<(typeof COMMAND_SCHEMAS)[K]>;
export type CommandResult<K extends CommandName> =
  Parameters<ClientToServerEvents[K]>[1] extends Ack<infer T> ? T : never;
