/**
 * Schemas for the workspace server's replies to commands: the `Reply` envelope every ack
 * carries, and the value of each command's reply. A device parses both before use
 * (ARCHITECTURE.md §8: every payload crossing a boundary is validated with zod); the pushed
 * events have their own schemas in wire-schemas.ts, reused here.
 *
 * As there, objects are not strict (a newer server may add fields: they are stripped) and
 * there are no transforms. The TypeScript types in protocol.ts and result.ts stay the
 * source the server writes against; the checks at the end of this file make a schema that
 * drifts from them, or a command without a schema, fail to compile.
 */
import { z } from 'zod';
import type { CommandName, CommandResult, PullPage, WireAudit } from './protocol';
import type { ErrorCode, ReplyError } from './result';
import type { Equals } from './wire-schemas';
import { wirePasswordResetSchema, wireSessionSchema } from './protocol-sessions';
import { MFA_REPLY_SCHEMAS } from './protocol-mfa';
import { TAG_REPLY_SCHEMAS } from './protocol-tags';
import { AI_POLICY_REPLY_SCHEMAS } from './protocol-ai-policy';
import { REPORTS_REPLY_SCHEMAS } from './protocol-reports';
import { AUTOMATION_REPLY_SCHEMAS } from './protocol-automation';
import { ASSIGNMENT_REPLY_SCHEMAS } from './protocol-assignment';
import { AUTOMATION_RULE_REPLY_SCHEMAS } from './protocol-automation-rules';
import { AUTOMATION_AI_REPLY_SCHEMAS } from './protocol-automation-ai';
import { API_KEY_REPLY_SCHEMAS } from './protocol-api-keys';
import { WEBHOOK_REPLY_SCHEMAS } from './protocol-webhooks';
import { CLOUD_REPLY_SCHEMAS } from './protocol-cloud';
import { REACTION_REPLY_SCHEMAS } from './protocol-reactions';
import { MESSAGE_CHANGE_REPLY_SCHEMAS } from './protocol-message-changes';
import { READ_RECEIPT_REPLY_SCHEMAS } from './protocol-read-receipts';
import {
  countSchema,
  keyOrNullSchema,
  keySchema,
  msSchema,
  pullPageEnvelopeSchema,
  seqSchema,
  wireAccountSchema,
  wireChatSchema,
  wireContactSchema,
  wireMemberSchema,
  wireMessageSchema,
  wireNoteSchema,
  wirePresenceSchema,
  wireSendSchema,
  wireSettingsSchema,
  wireTemplateSchema,
} from './wire-schemas';

// ── The envelope ────────────────────────────────────────────────────────────────────────

export const errorCodeSchema = z.enum([
  'unknown_command',
  'invalid_args',
  'payload_too_large',
  'forbidden',
  'unauthenticated',
  'not_found',
  'conflict',
  'rate_limited',
  'unavailable',
  'timeout',
  'too_late',
  'unsupported',
  'lid_only',
  'internal',
]);

/**
 * `{ ok: true, value } | { ok: false, error }`. The value is checked separately, against
 * the command's schema below. The error code is any string here: a newer server's new
 * code must still reach the user with the server's message (see call.ts).
 */
export const replyEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);

// ── Reply values only replies carry ─────────────────────────────────────────────────────

export const pushResultSchema = z.object({
  messages: countSchema,
  chats: countSchema,
  contacts: countSchema,
  updates: countSchema,
  lastSeq: seqSchema.nullable(),
});

export const wireAuditSchema = z.object({
  id: z.number().int(),
  memberId: keyOrNullSchema,
  deviceId: keyOrNullSchema,
  action: z.string(),
  chatId: keyOrNullSchema,
  before: z.unknown(),
  after: z.unknown(),
  at: msSchema,
});

export const chatWithNotesSchema = z.object({ chat: wireChatSchema, notes: z.array(wireNoteSchema) });

// ── One schema per command ──────────────────────────────────────────────────────────────

/**
 * The value of each command's reply. `sync:pull` is only its page's envelope: its facts are
 * parsed one by one afterwards (main/sync/facts.ts), so one malformed fact is dropped
 * without refusing the whole page.
 */
export const commandReplySchemas = {
  'sync:pull': pullPageEnvelopeSchema,
  'sync:push': pushResultSchema,
  'account:register': wireAccountSchema,
  'account:report-state': wireAccountSchema,
  'account:list': z.array(wireAccountSchema),
  'account:add-member': wireAccountSchema,
  'account:remove-member': wireAccountSchema,
  'member:list': z.array(wireMemberSchema),
  'member:create': wireMemberSchema,
  'member:update': wireMemberSchema,
  'settings:get': wireSettingsSchema,
  'settings:update': wireSettingsSchema,
  'chat:get': chatWithNotesSchema,
  'chat:list': z.array(wireChatSchema),
  'chat:assign': wireChatSchema,
  'chat:claim': wireChatSchema,
  'chat:set-status': wireChatSchema,
  'chat:set-tags': wireChatSchema,
  'messages:list': z.array(wireMessageSchema),
  'note:add': wireNoteSchema,
  'typing:set': z.object({ chatId: keySchema, active: z.boolean() }),
  'message:send': wireSendSchema,
  'send:pending': z.array(wireSendSchema),
  'send:report': wireSendSchema,
  'template:list': z.array(wireTemplateSchema),
  'template:upsert': wireTemplateSchema,
  'template:delete': z.object({ id: keySchema }),
  'presence:set': wirePresenceSchema,
  'presence:list': z.array(wirePresenceSchema),
  'session:revoke': z.object({ sessionId: keySchema }),
  'session:list': z.array(wireSessionSchema),
  'password:change': z.object({ signedOut: countSchema }),
  'password:reset-start': wirePasswordResetSchema,
  'audit:list': z.array(wireAuditSchema),
  ...MFA_REPLY_SCHEMAS,
  ...TAG_REPLY_SCHEMAS,
  'contact:update': wireContactSchema,
  'chat:set-flags': wireChatSchema,
  ...AI_POLICY_REPLY_SCHEMAS,
  ...REPORTS_REPLY_SCHEMAS,
  ...AUTOMATION_REPLY_SCHEMAS,
  ...ASSIGNMENT_REPLY_SCHEMAS,
  ...AUTOMATION_RULE_REPLY_SCHEMAS,
  ...AUTOMATION_AI_REPLY_SCHEMAS,
  ...API_KEY_REPLY_SCHEMAS,
  ...WEBHOOK_REPLY_SCHEMAS,
  ...CLOUD_REPLY_SCHEMAS,
  ...REACTION_REPLY_SCHEMAS,
  ...MESSAGE_CHANGE_REPLY_SCHEMAS,
  ...READ_RECEIPT_REPLY_SCHEMAS,
  'cloud:send-template': wireSendSchema,
} as const satisfies Record<CommandName, z.ZodType>;

/** What a parsed reply value is: the command's result, but a pull page's facts still unread. */
export type CommandReplyValue<K extends CommandName> = K extends 'sync:pull'
  ? { [P in keyof PullPage]: P extends 'events' ? unknown[] : PullPage[P] }
  : CommandResult<K>;

// ── The schemas and the hand-written types must agree ──────────────────────────────────

type Agrees<K extends CommandName> = Equals<z.output<(typeof commandReplySchemas)[K]>, CommandReplyValue<K>>;

// Each line fails to compile when its reply type changes on one side only; the annotation
// makes a command without a line fail too.
const agree: { readonly [K in CommandName]: true } & Record<string, true> = {
  errorCode: true satisfies Equals<z.output<typeof errorCodeSchema>, ErrorCode>,
  envelope: true satisfies Equals<
    z.output<typeof replyEnvelopeSchema>,
    | { ok: true; value: unknown }
    | { ok: false; error: { -readonly [P in keyof ReplyError]: P extends 'code' ? string : ReplyError[P] } }
  >,
  audit: true satisfies Equals<z.output<typeof wireAuditSchema>, WireAudit>,
  'sync:pull': true satisfies Agrees<'sync:pull'>,
  'sync:push': true satisfies Agrees<'sync:push'>,
  'account:register': true satisfies Agrees<'account:register'>,
  'account:report-state': true satisfies Agrees<'account:report-state'>,
  'account:list': true satisfies Agrees<'account:list'>,
  'account:add-member': true satisfies Agrees<'account:add-member'>,
  'account:remove-member': true satisfies Agrees<'account:remove-member'>,
  'member:list': true satisfies Agrees<'member:list'>,
  'member:create': true satisfies Agrees<'member:create'>,
  'member:update': true satisfies Agrees<'member:update'>,
  'settings:get': true satisfies Agrees<'settings:get'>,
  'settings:update': true satisfies Agrees<'settings:update'>,
  'chat:get': true satisfies Agrees<'chat:get'>,
  'chat:list': true satisfies Agrees<'chat:list'>,
  'chat:assign': true satisfies Agrees<'chat:assign'>,
  'chat:claim': true satisfies Agrees<'chat:claim'>,
  'chat:set-status': true satisfies Agrees<'chat:set-status'>,
  'chat:set-tags': true satisfies Agrees<'chat:set-tags'>,
  'messages:list': true satisfies Agrees<'messages:list'>,
  'note:add': true satisfies Agrees<'note:add'>,
  'typing:set': true satisfies Agrees<'typing:set'>,
  'message:send': true satisfies Agrees<'message:send'>,
  'send:pending': true satisfies Agrees<'send:pending'>,
  'send:report': true satisfies Agrees<'send:report'>,
  'template:list': true satisfies Agrees<'template:list'>,
  'template:upsert': true satisfies Agrees<'template:upsert'>,
  'template:delete': true satisfies Agrees<'template:delete'>,
  'presence:set': true satisfies Agrees<'presence:set'>,
  'presence:list': true satisfies Agrees<'presence:list'>,
  'session:revoke': true satisfies Agrees<'session:revoke'>,
  'session:list': true satisfies Agrees<'session:list'>,
  'password:change': true satisfies Agrees<'password:change'>,
  'password:reset-start': true satisfies Agrees<'password:reset-start'>,
  'audit:list': true satisfies Agrees<'audit:list'>,
  'mfa:status': true satisfies Agrees<'mfa:status'>,
  'mfa:enrol': true satisfies Agrees<'mfa:enrol'>,
  'mfa:confirm': true satisfies Agrees<'mfa:confirm'>,
  'mfa:disable': true satisfies Agrees<'mfa:disable'>,
  'mfa:recovery-regenerate': true satisfies Agrees<'mfa:recovery-regenerate'>,
  'mfa:reset': true satisfies Agrees<'mfa:reset'>,
  'tag:list': true satisfies Agrees<'tag:list'>,
  'contact:update': true satisfies Agrees<'contact:update'>,
  'chat:set-flags': true satisfies Agrees<'chat:set-flags'>,
  'tag:upsert': true satisfies Agrees<'tag:upsert'>,
  'tag:rename': true satisfies Agrees<'tag:rename'>,
  'tag:delete': true satisfies Agrees<'tag:delete'>,
  'aiPolicy:get': true satisfies Agrees<'aiPolicy:get'>,
  'aiPolicy:update': true satisfies Agrees<'aiPolicy:update'>,
  'reports:get': true satisfies Agrees<'reports:get'>,
  'reports:conversations': true satisfies Agrees<'reports:conversations'>,
  'automation:get': true satisfies Agrees<'automation:get'>,
  'automation:update': true satisfies Agrees<'automation:update'>,
  'automation:hours': true satisfies Agrees<'automation:hours'>,
  'assignment:get': true satisfies Agrees<'assignment:get'>,
  'assignment:update': true satisfies Agrees<'assignment:update'>,
  'rules:list': true satisfies Agrees<'rules:list'>,
  'rules:save': true satisfies Agrees<'rules:save'>,
  'rules:delete': true satisfies Agrees<'rules:delete'>,
  'rules:reorder': true satisfies Agrees<'rules:reorder'>,
  'rules:test': true satisfies Agrees<'rules:test'>,
  'rules:runs': true satisfies Agrees<'rules:runs'>,
  'automationAi:get': true satisfies Agrees<'automationAi:get'>,
  'automationAi:set': true satisfies Agrees<'automationAi:set'>,
  'apiKey:list': true satisfies Agrees<'apiKey:list'>,
  'apiKey:create': true satisfies Agrees<'apiKey:create'>,
  'apiKey:revoke': true satisfies Agrees<'apiKey:revoke'>,
  'webhook:list': true satisfies Agrees<'webhook:list'>,
  'webhook:create': true satisfies Agrees<'webhook:create'>,
  'webhook:update': true satisfies Agrees<'webhook:update'>,
  'webhook:delete': true satisfies Agrees<'webhook:delete'>,
  'webhook:deliveries': true satisfies Agrees<'webhook:deliveries'>,
  'webhook:redeliver': true satisfies Agrees<'webhook:redeliver'>,
  'cloud:list': true satisfies Agrees<'cloud:list'>,
  'cloud:add': true satisfies Agrees<'cloud:add'>,
  'cloud:remove': true satisfies Agrees<'cloud:remove'>,
  'cloud:templates': true satisfies Agrees<'cloud:templates'>,
  'cloud:send-template': true satisfies Agrees<'cloud:send-template'>,
  'message:react': true satisfies Agrees<'message:react'>,
  'reaction:report': true satisfies Agrees<'reaction:report'>,
  'reaction:pending': true satisfies Agrees<'reaction:pending'>,
  'message:change': true satisfies Agrees<'message:change'>,
  'message-change:report': true satisfies Agrees<'message-change:report'>,
  'message-change:pending': true satisfies Agrees<'message-change:pending'>,
  'chat:read': true satisfies Agrees<'chat:read'>,
  'account:set-read-receipts': true satisfies Agrees<'account:set-read-receipts'>,
};
void agree;
