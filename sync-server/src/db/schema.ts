/**
 * The workspace database (MySQL 8 / MariaDB 10.6+). JSON columns are LONGTEXT on MariaDB,
 * so structured values are stored as text and parsed explicitly by the repositories.
 * Timestamps are milliseconds since the epoch in BIGINT columns, as everywhere else.
 */
import {
  bigint,
  boolean,
  char,
  index,
  int,
  longtext,
  mediumtext,
  mysqlEnum,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { sql } from 'drizzle-orm';
import type { Platform } from '../../../common/protocol-sessions';

const ms = (name: string) => bigint(name, { mode: 'number' });

export const members = mysqlTable('members', {
  id: char('id', { length: 36 }).primaryKey(),
  email: varchar('email', { length: 320 }).notNull().unique('members_email'),
  name: varchar('name', { length: 200 }).notNull(),
  role: mysqlEnum('role', ['admin', 'lead', 'agent']).notNull(),
  active: boolean('active').notNull().default(true),
  passwordHash: varchar('password_hash', { length: 255 }).notNull(),
  createdAt: ms('created_at').notNull(),
});

/** One row per signed-in device: the opaque token is stored only as its sha-256. */
export const sessions = mysqlTable(
  'sessions',
  {
    id: char('id', { length: 36 }).primaryKey(),
    memberId: char('member_id', { length: 36 }).notNull(),
    tokenHash: char('token_hash', { length: 64 }).notNull().unique('sessions_token_hash'),
    deviceName: varchar('device_name', { length: 100 }).notNull(),
    createdAt: ms('created_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    revokedAt: ms('revoked_at'),
    presence: mysqlEnum('presence', ['online', 'away', 'offline']).notNull().default('offline'),
    /** What the device said it runs on at sign-in (win, mac, linux, web, other); null before 0009. */
    platform: varchar('platform', { length: 10 }).$type<Platform>(),
    /** The address it signed in from; null before 0009. */
    ip: varchar('ip', { length: 64 }),
  },
  t => [index('sessions_member').on(t.memberId)],
);

/** A member's second factor (TOTP): the secret encrypted (auth/mfa-crypto.ts); enabledAt null = not confirmed yet. */
export const memberMfa = mysqlTable('member_mfa', {
  memberId: char('member_id', { length: 36 }).primaryKey(),
  secretEnc: varchar('secret_enc', { length: 255 }).notNull(),
  enabledAt: ms('enabled_at'),
  lastStep: ms('last_step'),
  createdAt: ms('created_at').notNull(),
});

/** Single-use recovery codes (sha-256 of the normalised code); usedAt set once spent. */
export const mfaRecoveryCodes = mysqlTable(
  'mfa_recovery_codes',
  {
    memberId: char('member_id', { length: 36 }).notNull(),
    codeHash: char('code_hash', { length: 64 }).notNull(),
    usedAt: ms('used_at'),
  },
  t => [primaryKey({ columns: [t.memberId, t.codeHash] })],
);

export const settings = mysqlTable('workspace_settings', {
  id: int('id').primaryKey(),
  agentsSeeUnassigned: boolean('agents_see_unassigned').notNull().default(true),
  adminsRequireMfa: boolean('admins_require_mfa').notNull().default(false),
  agentsMayHandOver: boolean('agents_may_hand_over').notNull().default(false),
});

/** The workspace's AI policy (id = 1); no row: allowed, each desktop's own endpoint. */
export const aiPolicy = mysqlTable('ai_policy', {
  id: int('id').primaryKey(),
  allowed: boolean('allowed').notNull().default(true),
  baseUrl: varchar('base_url', { length: 500 }),
  model: varchar('model', { length: 200 }),
  forceRedact: boolean('force_redact').notNull().default(false),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});

export const accounts = mysqlTable('accounts', {
  id: varchar('id', { length: 200 }).primaryKey(),
  name: varchar('name', { length: 200 }).notNull(),
  phone: varchar('phone', { length: 20 }),
  provider: varchar('provider', { length: 20 }).notNull(),
  hostDeviceId: char('host_device_id', { length: 36 }),
  hostMemberId: char('host_member_id', { length: 36 }),
  hostOnline: boolean('host_online').notNull().default(false),
  state: varchar('state', { length: 40 }).notNull().default('stopped'),
  createdAt: ms('created_at').notNull(),
  /** "Send read receipts" (0028): chat:read marks the customer's messages read on WhatsApp. */
  readReceipts: boolean('read_receipts').notNull().default(true),
});

export const accountMembers = mysqlTable(
  'account_members',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    memberId: char('member_id', { length: 36 }).notNull(),
  },
  t => [primaryKey({ columns: [t.accountId, t.memberId] }), index('account_members_member').on(t.memberId)],
);

export const chats = mysqlTable(
  'chats',
  {
    id: varchar('id', { length: 420 }).primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    jid: varchar('jid', { length: 200 }).notNull(),
    isGroup: boolean('is_group').notNull(),
    name: varchar('name', { length: 500 }).notNull(),
    lastMessageAt: ms('last_message_at'),
    unreadCount: int('unread_count').notNull().default(0),
    status: mysqlEnum('status', ['open', 'pending', 'resolved']).notNull().default('open'),
    assigneeId: char('assignee_id', { length: 36 }),
    /** JSON array of strings. */
    tags: text('tags').notNull(),
    version: int('version').notNull().default(0),
    /** When the first reply is due (0021); null: no reply pending or no target. */
    slaDueAt: ms('sla_due_at'),
    /** Pinned / archived for the whole team (0030, chat:set-flags). */
    pinned: boolean('pinned').notNull().default(false),
    archived: boolean('archived').notNull().default(false),
    /** The team read the chat up to this inbound message's time (chat:read, 0028); null: never. */
    readAt: ms('read_at'),
    /** The chat has a tag (0037): kept by the database from `tags`, for the reports' per-tag table. */
    tagged: boolean('tagged').generatedAlwaysAs(sql`tags <> '[]'`, { mode: 'stored' }),
  },
  t => [
    index('chats_account').on(t.accountId),
    index('chats_tagged').on(t.accountId, t.tagged),
    index('chats_assignee').on(t.assigneeId),
    // Automation's timers (0025): overdue first replies, chats with recent messages.
    index('chats_sla_due').on(t.slaDueAt),
    index('chats_last_message').on(t.lastMessageAt),
  ],
);

export const contacts = mysqlTable(
  'contacts',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    /** The jid when known, else the lid: the contact's key within its account. */
    key: varchar('contact_key', { length: 200 }).notNull(),
    jid: varchar('jid', { length: 200 }),
    lid: varchar('lid', { length: 200 }),
    phone: varchar('phone', { length: 20 }),
    name: varchar('name', { length: 500 }),
    pushName: varchar('push_name', { length: 500 }),
    /** The team's name for the person (contact:update); a host's push never writes it. */
    customName: varchar('custom_name', { length: 100 }),
    /** The team's labels, a JSON array of strings; null when never set. */
    labels: varchar('labels', { length: 2000 }),
    /** The team's note about the person (0029); null when never written. */
    note: text('note'),
  },
  t => [primaryKey({ columns: [t.accountId, t.key] }), index('contacts_phone').on(t.phone)],
);

export const messages = mysqlTable(
  'messages',
  {
    rowId: bigint('row_id', { mode: 'number' }).autoincrement().primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    fromMe: boolean('from_me').notNull(),
    author: varchar('author', { length: 200 }),
    authorName: varchar('author_name', { length: 500 }),
    type: varchar('type', { length: 20 }).notNull(),
    body: mediumtext('body'),
    caption: mediumtext('caption'),
    /** JSON (MediaInfo); its thumbnail alone may be 200,000 characters, hence MEDIUMTEXT. */
    media: mediumtext('media'),
    mediaSha256: char('media_sha256', { length: 64 }),
    /** JSON (Location) */
    location: text('location'),
    quotedProviderMessageId: varchar('quoted_provider_message_id', { length: 200 }),
    timestamp: ms('ts').notNull(),
    ack: varchar('ack', { length: 10 }).notNull(),
    edited: boolean('edited').notNull().default(false),
    revoked: boolean('revoked').notNull().default(false),
    clientMessageId: char('client_message_id', { length: 36 }),
  },
  t => [
    uniqueIndex('messages_provider_id').on(t.accountId, t.providerMessageId),
    index('messages_chat_ts').on(t.chatId, t.timestamp, t.rowId),
    index('messages_media').on(t.mediaSha256),
    // Reports (0016): a range of one number's messages, read from the index alone.
    index('messages_reports').on(t.accountId, t.timestamp, t.fromMe, t.chatId, t.clientMessageId),
  ],
);

/**
 * Reactions to messages, one row per (message, sender): the newest wins, and a removal is
 * kept as an empty emoji so a device that still shows the old one learns it is gone. A
 * reaction may arrive before its message (history comes in pages); it waits here for it.
 */
export const messageReactions = mysqlTable(
  'message_reactions',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    senderJid: varchar('sender_jid', { length: 200 }).notNull(),
    /** '' = removed. */
    emoji: varchar('emoji', { length: 40 }).notNull(),
    reactedAt: ms('reacted_at').notNull(),
  },
  t => [primaryKey({ columns: [t.accountId, t.providerMessageId, t.senderJid] })],
);

/**
 * A poll's question and options (0032), one row per poll message, beside `messages` so the
 * message upsert is unchanged. Options are a JSON array of names.
 */
export const messagePolls = mysqlTable(
  'message_polls',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    question: varchar('question', { length: 500 }).notNull(),
    options: text('options').notNull(),
    multiple: boolean('multiple').notNull().default(false),
  },
  t => [primaryKey({ name: 'message_polls_account_message', columns: [t.accountId, t.providerMessageId] })],
);

/**
 * Each voter's current choice in a poll (0032): options as a JSON array of names, [] when the
 * vote was taken back; the newest per (poll, voter) wins whatever order pushes arrive in.
 */
export const pollVotes = mysqlTable(
  'poll_votes',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    voterJid: varchar('voter_jid', { length: 200 }).notNull(),
    options: text('options').notNull(),
    votedAt: ms('voted_at').notNull(),
  },
  t => [
    primaryKey({
      name: 'poll_votes_account_message_voter',
      columns: [t.accountId, t.providerMessageId, t.voterJid],
    }),
  ],
);

/**
 * The people a message @mentions (0035), one row per message that mentions someone, beside
 * `messages` so the message upsert is unchanged. `jids` is a JSON array of WhatsApp ids.
 */
export const messageMentions = mysqlTable(
  'message_mentions',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    jids: text('jids').notNull(),
  },
  t => [primaryKey({ name: 'message_mentions_account_message', columns: [t.accountId, t.providerMessageId] })],
);

/**
 * The workspace event log. `seq` is the sequence devices pull by. `audience` says who
 * may read a row: 'chat' = whoever may see chat_id now; 'account' = members of
 * account_id; 'member' = member_id only; 'workspace' = everyone.
 */
export const events = mysqlTable(
  'events',
  {
    seq: bigint('seq', { mode: 'number' }).autoincrement().primaryKey(),
    type: varchar('type', { length: 40 }).notNull(),
    audience: mysqlEnum('audience', ['chat', 'account', 'member', 'workspace']).notNull(),
    accountId: varchar('account_id', { length: 200 }),
    chatId: varchar('chat_id', { length: 420 }),
    memberId: char('member_id', { length: 36 }),
    /** The device (session) that wrote this fact and already has it: a host's pushed messages
     * and contacts. Left out of that device's pulls as it is of its live delivery. */
    originDevice: char('origin_device', { length: 36 }),
    payload: longtext('payload').notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [index('events_chat').on(t.chatId, t.seq)],
);

/** One row that every event-writing transaction locks, so sequence order is commit order. */
export const eventSequencer = mysqlTable('event_sequencer', {
  id: int('id').primaryKey(),
  writes: bigint('writes', { mode: 'number' }).notNull().default(0),
});

export const auditLog = mysqlTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).autoincrement().primaryKey(),
    memberId: char('member_id', { length: 36 }),
    deviceId: char('device_id', { length: 36 }),
    action: varchar('action', { length: 60 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }),
    before: text('before'),
    after: text('after'),
    at: ms('at').notNull(),
  },
  t => [
    index('audit_chat').on(t.chatId, t.id),
    index('audit_at').on(t.at, t.id),
    index('audit_member').on(t.memberId, t.id),
    index('audit_action').on(t.action, t.id),
    // Reports (0016): the chat changes of a time window.
    index('audit_reports').on(t.action, t.at),
  ],
);

export const notes = mysqlTable(
  'notes',
  {
    id: char('id', { length: 36 }).primaryKey(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    authorId: char('author_id', { length: 36 }).notNull(),
    body: text('body').notNull(),
    createdAt: ms('created_at').notNull(),
    /** 'handover' notes are written by chat:assign with a handover and carry the draft and summary. */
    kind: mysqlEnum('kind', ['note', 'handover']).notNull().default('note'),
    /** Up to 65,536 characters: utf8mb4 needs MEDIUMTEXT for that. */
    draft: mediumtext('draft'),
    summary: text('summary'),
    /** note:add's idempotency key (a uuid from the author's device); NULL for handover notes. */
    clientNoteId: char('client_note_id', { length: 36 }),
  },
  t => [index('notes_chat').on(t.chatId, t.createdAt), uniqueIndex('notes_client_id').on(t.clientNoteId)],
);

/** Relayed sends: one row per client message id, whatever the number of retries. */
export const sends = mysqlTable(
  'sends',
  {
    rowId: bigint('row_id', { mode: 'number' }).autoincrement().primaryKey(),
    clientMessageId: char('client_message_id', { length: 36 }).notNull().unique('sends_client_id'),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    chatJid: varchar('chat_jid', { length: 200 }).notNull(),
    senderId: char('sender_id', { length: 36 }).notNull(),
    senderDeviceId: char('sender_device_id', { length: 36 }).notNull(),
    body: mediumtext('body').notNull(),
    quotedProviderMessageId: varchar('quoted_provider_message_id', { length: 200 }),
    state: mysqlEnum('state', ['queued', 'forwarded', 'sent', 'failed']).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }),
    error: varchar('error', { length: 500 }),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
    /** 'automation': an away or greeting message the server sent for the number (0019). */
    origin: mysqlEnum('origin', ['member', 'automation']).notNull().default('member'),
    /** A Cloud API template send (0022): JSON { name, language, parameters, header?, buttons? }; null for text. */
    template: text('template'),
    /** The file sent with the body as caption (0023): JSON { sha256, mimeType, fileName, size }; null for text. */
    attachment: varchar('attachment', { length: 1000 }),
  },
  t => [index('sends_account_state').on(t.accountId, t.state, t.rowId)],
);

export const templates = mysqlTable('templates', {
  id: char('id', { length: 36 }).primaryKey(),
  shortcut: varchar('shortcut', { length: 40 }).notNull().unique('templates_shortcut'),
  title: varchar('title', { length: 200 }).notNull(),
  body: text('body').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const blobs = mysqlTable('blobs', {
  sha256: char('sha256', { length: 64 }).primaryKey(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mimeType: varchar('mime_type', { length: 200 }).notNull(),
  createdAt: ms('created_at').notNull(),
});

/** The accounts a blob was uploaded for: only their chats' viewers may download it. */
export const blobAccounts = mysqlTable(
  'blob_accounts',
  {
    sha256: char('sha256', { length: 64 }).notNull(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
  },
  t => [primaryKey({ columns: [t.sha256, t.accountId] })],
);

/** Who uploaded a file to send (0023): a member may attach only what they uploaded. */
export const blobUploads = mysqlTable(
  'blob_uploads',
  {
    sha256: char('sha256', { length: 64 }).notNull(),
    memberId: char('member_id', { length: 36 }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.sha256, t.memberId] })],
);

/** Fixed-window counters shared by every node (login attempts, sends). */
export const rateLimits = mysqlTable(
  'rate_limits',
  {
    key: varchar('rl_key', { length: 200 }).notNull(),
    windowStart: ms('window_start').notNull(),
    hits: int('hits').notNull(),
  },
  t => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** Hashes of the device keys that signed in as a member before (exempt from the sign-in back-off). */
export const memberDeviceKeys = mysqlTable(
  'member_device_keys',
  {
    memberId: char('member_id', { length: 36 }).notNull(),
    keyHash: char('key_hash', { length: 64 }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.memberId, t.keyHash] })],
);

/** Failed sign-ins per e-mail in a row, and until when the next attempt must wait. */
export const loginBackoff = mysqlTable('login_backoff', {
  email: varchar('email', { length: 320 }).primaryKey(),
  failures: int('failures').notNull().default(0),
  lockedUntil: ms('locked_until').notNull().default(0),
});

/** A one-time reset code an admin started for a member (sha-256 only), valid until expiresAt. */
export const passwordResets = mysqlTable('password_resets', {
  memberId: char('member_id', { length: 36 }).primaryKey(),
  codeHash: char('code_hash', { length: 64 }).notNull(),
  expiresAt: ms('expires_at').notNull(),
  createdBy: char('created_by', { length: 36 }).notNull(),
  createdAt: ms('created_at').notNull(),
});

/** The workspace's managed tags (0014): a name chats use, and its colour (one of TAG_COLORS). */
export const workspaceTags = mysqlTable('workspace_tags', {
  name: varchar('name', { length: 50 }).primaryKey(),
  color: varchar('color', { length: 20 }).notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Automation of a number (0019): business hours (JSON text), away message, greeting. */
export const automationSettings = mysqlTable('automation_settings', {
  accountId: varchar('account_id', { length: 200 }).primaryKey(),
  hours: text('hours'),
  awayEnabled: boolean('away_enabled').notNull().default(false),
  awayText: text('away_text').notNull(),
  greetingEnabled: boolean('greeting_enabled').notNull().default(false),
  greetingText: text('greeting_text').notNull(),
  greetingIdleHours: int('greeting_idle_hours').notNull().default(24),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});

/** One row per automated message (0019); the key makes it once per conversation window. */
export const automationSends = mysqlTable(
  'automation_sends',
  {
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    kind: varchar('kind', { length: 20 }).notNull(),
    windowKey: bigint('window_key', { mode: 'number' }).notNull(),
    clientMessageId: char('client_message_id', { length: 36 }).notNull(),
    sentAt: ms('sent_at').notNull(),
  },
  t => [
    primaryKey({ name: 'automation_sends_key', columns: [t.chatId, t.kind, t.windowKey] }),
    index('automation_sends_chat_time').on(t.chatId, t.sentAt),
  ],
);

/** Automation rules (0020): ordered by position; body is the rule's JSON, validated when read. */
export const automationRules = mysqlTable(
  'automation_rules',
  {
    id: char('id', { length: 36 }).primaryKey(),
    position: int('position').notNull(),
    body: text('body').notNull(),
    updatedAt: ms('updated_at').notNull(),
    updatedBy: char('updated_by', { length: 36 }),
  },
  t => [index('automation_rules_position').on(t.position)],
);

/** One row per rule and trigger (0020); the unique key makes a rule act once per trigger. */
export const automationRuleRuns = mysqlTable(
  'automation_rule_runs',
  {
    rowId: bigint('row_id', { mode: 'number' }).autoincrement().primaryKey(),
    ruleId: char('rule_id', { length: 36 }).notNull(),
    triggerKey: varchar('trigger_key', { length: 300 }).notNull(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    status: mysqlEnum('status', ['ok', 'failed']).notNull(),
    errorCode: varchar('error_code', { length: 50 }),
    createdAt: ms('created_at').notNull(),
  },
  t => [
    uniqueIndex('automation_rule_runs_once').on(t.ruleId, t.triggerKey),
    index('automation_rule_runs_account_time').on(t.accountId, t.createdAt),
  ],
);

/** REST API keys (0017): the secret's SHA-256 only; scopes and account_ids are JSON arrays (account_ids null = every number). */
export const apiKeys = mysqlTable('api_keys', {
  id: char('id', { length: 36 }).primaryKey(),
  name: varchar('name', { length: 100 }).notNull(),
  prefix: char('prefix', { length: 8 }).notNull(),
  secretHash: char('secret_hash', { length: 64 }).notNull().unique('api_keys_secret_hash'),
  scopes: text('scopes').notNull(),
  accountIds: text('account_ids'),
  createdBy: char('created_by', { length: 36 }).notNull(),
  createdAt: ms('created_at').notNull(),
  lastUsedAt: ms('last_used_at'),
  revokedAt: ms('revoked_at'),
});

/** The first answer to an idempotent REST write, per key and (route, Idempotency-Key) hash; status 0 = still running. */
export const apiIdempotency = mysqlTable(
  'api_idempotency',
  {
    apiKeyId: char('api_key_id', { length: 36 }).notNull(),
    keyHash: char('key_hash', { length: 64 }).notNull(),
    status: int('status').notNull(),
    body: mediumtext('body'),
    createdAt: ms('created_at').notNull(),
  },
  t => [
    primaryKey({ name: 'api_idempotency_pk', columns: [t.apiKeyId, t.keyHash] }),
    index('api_idempotency_created').on(t.createdAt),
  ],
);
/** Outgoing webhook endpoints (0018): the secret is AES-256-GCM under the server key (auth/mfa-crypto.ts). */
export const webhookEndpoints = mysqlTable('webhook_endpoints', {
  id: char('id', { length: 36 }).primaryKey(),
  url: varchar('url', { length: 2000 }).notNull(),
  /** JSON array of subscribed event types. */
  events: varchar('events', { length: 500 }).notNull(),
  secret: varchar('secret', { length: 200 }).notNull(),
  enabled: boolean('enabled').notNull().default(true),
  consecutiveFailures: int('consecutive_failures').notNull().default(0),
  failingSince: ms('failing_since'),
  disabledReason: varchar('disabled_reason', { length: 40 }),
  createdBy: char('created_by', { length: 36 }).notNull(),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** The durable delivery queue (0018): pending → delivered / failed; `next_attempt_at` doubles as a claim's lease. */
export const webhookDeliveries = mysqlTable(
  'webhook_deliveries',
  {
    id: bigint('id', { mode: 'number' }).autoincrement().primaryKey(),
    endpointId: char('endpoint_id', { length: 36 }).notNull(),
    eventId: char('event_id', { length: 36 }).notNull(),
    eventType: varchar('event_type', { length: 40 }).notNull(),
    chatKey: varchar('chat_key', { length: 420 }).notNull().default(''),
    payload: mediumtext('payload').notNull(),
    status: varchar('status', { length: 12 }).notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    createdAt: ms('created_at').notNull(),
    lastAttemptAt: ms('last_attempt_at'),
    responseCode: int('response_code'),
    latencyMs: int('latency_ms'),
    error: varchar('error', { length: 200 }),
  },
  t => [
    index('webhook_deliveries_queue_idx').on(t.status, t.endpointId, t.chatKey, t.id),
    index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.id),
  ],
);

/** How far the webhook scanner has read the event log; `primed` once it took its baseline. */
export const webhookCursor = mysqlTable('webhook_cursor', {
  id: int('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull().default(0),
  primed: boolean('primed').notNull().default(false),
  messageFloor: bigint('message_floor', { mode: 'number' }).notNull().default(0),
});

/** Each chat's assignee and status as webhooks last saw them, to tell what a chat:updated changed. */
export const webhookChatState = mysqlTable('webhook_chat_state', {
  chatId: varchar('chat_id', { length: 420 }).primaryKey(),
  assigneeId: char('assignee_id', { length: 36 }),
  status: varchar('status', { length: 20 }).notNull(),
});

/** Each message's ack as webhooks last saw it: a first sighting of an incoming one is "received". */
export const webhookMessageState = mysqlTable(
  'webhook_message_state',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    ack: varchar('ack', { length: 20 }).notNull(),
  },
  t => [primaryKey({ name: 'webhook_message_state_pk', columns: [t.accountId, t.providerMessageId] })],
);

/** Auto-assignment and the first-response SLA of a number (0021); no row: off. */
export const assignmentSettings = mysqlTable('assignment_settings', {
  accountId: varchar('account_id', { length: 200 }).primaryKey(),
  mode: mysqlEnum('mode', ['off', 'round_robin', 'least_busy']).notNull().default('off'),
  rrCursor: char('rr_cursor', { length: 36 }),
  reassignAfterMinutes: int('reassign_after_minutes'),
  slaMinutes: int('sla_minutes'),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});

/** Most open chats auto-assignment gives a member (0021); no row: the default. */
export const memberCapacity = mysqlTable('member_capacity', {
  memberId: char('member_id', { length: 36 }).primaryKey(),
  maxOpen: int('max_open').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

/** Conversations waiting for someone to be assigned (0021), oldest first. */
export const assignmentWaiting = mysqlTable(
  'assignment_waiting',
  {
    chatId: varchar('chat_id', { length: 420 }).primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    since: ms('since').notNull(),
  },
  t => [index('assignment_waiting_account_since').on(t.accountId, t.since)],
);

/** Cloud API numbers (0022): token, app secret and verify token AES-256-GCM under the server key. */
export const cloudNumbers = mysqlTable(
  'cloud_numbers',
  {
    accountId: varchar('account_id', { length: 200 }).primaryKey(),
    phoneNumberId: varchar('phone_number_id', { length: 40 }).notNull(),
    wabaId: varchar('waba_id', { length: 40 }).notNull(),
    displayPhone: varchar('display_phone', { length: 40 }),
    verifiedName: varchar('verified_name', { length: 200 }),
    accessToken: text('access_token').notNull(),
    appSecret: varchar('app_secret', { length: 400 }).notNull(),
    verifyToken: varchar('verify_token', { length: 400 }).notNull(),
    createdBy: char('created_by', { length: 36 }).notNull(),
    createdAt: ms('created_at').notNull(),
    /** GREEN, YELLOW, RED or UNKNOWN as Graph reports it (0024); null until read. */
    qualityRating: varchar('quality_rating', { length: 16 }),
    /** The last phone_number_quality_update's limit (TIER_250, TIER_2K…) and event (0024). */
    messagingLimit: varchar('messaging_limit', { length: 40 }),
    qualityEvent: varchar('quality_event', { length: 40 }),
    qualityAt: ms('quality_at'),
  },
  t => [uniqueIndex('cloud_numbers_phone_number_id').on(t.phoneNumberId)],
);

/** Reactions asked for with message:react (0024): one row per client reaction id, so each reaches WhatsApp once. */
export const reactionRequests = mysqlTable(
  'reaction_requests',
  {
    clientReactionId: char('client_reaction_id', { length: 36 }).primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    chatJid: varchar('chat_jid', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    /** '' takes the member's reaction back. */
    emoji: varchar('emoji', { length: 32 }).notNull(),
    senderId: char('sender_id', { length: 36 }).notNull(),
    /** queued (a desktop host has not reported yet), sent or failed. */
    state: varchar('state', { length: 12 }).notNull(),
    error: varchar('error', { length: 200 }),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  t => [index('reaction_requests_account_state').on(t.accountId, t.state)],
);

/**
 * Edits and deletes-for-everyone members ask for with message:change (0038), keyed by the
 * client's id so a retry reaches WhatsApp once. Relayed to the number's host, which
 * reports it; the edited or revoked message itself arrives through the host's push.
 */
export const messageChanges = mysqlTable(
  'message_changes',
  {
    clientChangeId: char('client_change_id', { length: 36 }).primaryKey(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    chatJid: varchar('chat_jid', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    /** edit or delete */
    kind: varchar('kind', { length: 8 }).notNull(),
    /** The new text of an edit; null for a delete. */
    text: mediumtext('text'),
    senderId: char('sender_id', { length: 36 }).notNull(),
    /** queued (the host has not reported yet), sent or failed. */
    state: varchar('state', { length: 12 }).notNull(),
    error: varchar('error', { length: 200 }),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  t => [index('message_changes_account_state').on(t.accountId, t.state)],
);

/**
 * Inbound messages marked read from any device (0028), once each. A Cloud number's row is
 * queued for the server's worker (`next_attempt_at`: back-off and lease); a desktop
 * number's is relayed to its host.
 */
export const readReceipts = mysqlTable(
  'read_receipts',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    providerMessageId: varchar('provider_message_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    /** queued (Cloud, waiting for Graph), sent, failed; pending (a desktop host is offline) or relayed (handed to it). */
    state: varchar('state', { length: 12 }).notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    error: varchar('error', { length: 200 }),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  t => [
    primaryKey({ name: 'read_receipts_account_message', columns: [t.accountId, t.providerMessageId] }),
    index('read_receipts_state_next').on(t.state, t.nextAttemptAt),
  ],
);

/** Verified webhook bodies waiting for the worker (0022); `next_attempt_at` doubles as a lease. */
export const cloudWebhookInbox = mysqlTable(
  'cloud_webhook_inbox',
  {
    id: bigint('id', { mode: 'number' }).autoincrement().primaryKey(),
    receivedAt: ms('received_at').notNull(),
    body: mediumtext('body').notNull(),
    status: varchar('status', { length: 12 }).notNull(),
    attempts: int('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    error: varchar('error', { length: 200 }),
  },
  t => [index('cloud_webhook_inbox_queue').on(t.status, t.nextAttemptAt)],
);

/** What automation's timers already did (0025): once per (kind, chat, key) across nodes and restarts. */
export const automationFires = mysqlTable(
  'automation_fires',
  {
    kind: varchar('kind', { length: 20 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    fireKey: bigint('fire_key', { mode: 'number' }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  t => [primaryKey({ columns: [t.kind, t.chatId, t.fireKey] })],
);

/**
 * Automation's jobs (0033): work a commit leaves for after it ('status' rules of a status
 * change, 'sentiment' rules of a message), written in that commit; once per (kind, key).
 */
export const automationJobs = mysqlTable(
  'automation_jobs',
  {
    id: bigint('id', { mode: 'number' }).autoincrement().primaryKey(),
    kind: varchar('kind', { length: 20 }).notNull(),
    jobKey: varchar('job_key', { length: 300 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    payload: text('payload').notNull(),
    attempts: int('attempts').notNull().default(0),
    leaseUntil: ms('lease_until').notNull().default(0),
    doneAt: ms('done_at'),
    createdAt: ms('created_at').notNull(),
  },
  t => [
    uniqueIndex('automation_jobs_once').on(t.kind, t.jobKey),
    index('automation_jobs_queue').on(t.doneAt, t.leaseUntil),
  ],
);

/** The workspace's AI endpoint for automation (0033): one row, id 1; the key never leaves the server. */
export const automationAi = mysqlTable('automation_ai', {
  id: int('id').primaryKey(),
  baseUrl: varchar('base_url', { length: 500 }).notNull(),
  model: varchar('model', { length: 200 }).notNull(),
  apiKey: text('api_key'),
  updatedAt: ms('updated_at').notNull(),
  updatedBy: char('updated_by', { length: 36 }),
});

/** One row per conversation, kept current by the report worker (0034, docs/reports.md). */
export const reportConversations = mysqlTable(
  'report_conversations',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    openedAt: ms('opened_at').notNull(),
    firstResponseAt: ms('first_response_at'),
    firstResponderId: char('first_responder_id', { length: 36 }),
    resolvedAt: ms('resolved_at'),
    resolvedBy: char('resolved_by', { length: 36 }),
    assigneeId: char('assignee_id', { length: 36 }),
    assigneeSince: ms('assignee_since').notNull(),
    /** Comma-separated member ids of everyone who held it. */
    holders: varchar('holders', { length: 2000 }).notNull().default(''),
    reopenCount: int('reopen_count').notNull().default(0),
    /** Comma-separated instants it was reopened at; null when never. */
    reopenedAt: text('reopened_at'),
    lastMessageAt: ms('last_message_at').notNull(),
    /** Its latest instant (message, resolution or reopening): finds old conversations reopened in a range. */
    touchedAt: ms('touched_at').notNull(),
    messagesIn: int('messages_in').notNull().default(0),
    messagesOut: int('messages_out').notNull().default(0),
  },
  t => [
    primaryKey({ name: 'report_conversations_pk', columns: [t.accountId, t.openedAt, t.chatId] }),
    index('report_conversations_chat').on(t.chatId),
    index('report_conversations_touched').on(t.accountId, t.touchedAt),
    // 0036: the SQL aggregates' covering indexes and the conversation list's keyset.
    index('report_conversations_resolved_cover').on(
      t.accountId,
      t.resolvedAt,
      t.resolvedBy,
      t.assigneeId,
      t.assigneeSince,
      t.touchedAt,
    ),
    index('report_conversations_reopened').on(t.accountId, t.reopenCount, t.touchedAt),
    index('report_conversations_page').on(t.openedAt, t.chatId),
  ],
);

/**
 * Conversations of a range that changed after its end, cut again as at that end, under one
 * random token while that range is served (0036, docs/reports.md); deleted after.
 */
export const reportRecut = mysqlTable(
  'report_recut',
  {
    token: char('token', { length: 36 }).notNull(),
    createdAt: ms('created_at').notNull(),
    accountId: varchar('account_id', { length: 200 }).notNull(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    openedAt: ms('opened_at').notNull(),
    firstResponseAt: ms('first_response_at'),
    firstResponderId: char('first_responder_id', { length: 36 }),
    resolvedAt: ms('resolved_at'),
    resolvedBy: char('resolved_by', { length: 36 }),
    assigneeId: char('assignee_id', { length: 36 }),
    assigneeSince: ms('assignee_since').notNull(),
    holders: varchar('holders', { length: 2000 }).notNull().default(''),
    reopenCount: int('reopen_count').notNull().default(0),
    reopenedAt: text('reopened_at'),
    lastMessageAt: ms('last_message_at').notNull(),
    touchedAt: ms('touched_at').notNull(),
    messagesIn: int('messages_in').notNull().default(0),
    messagesOut: int('messages_out').notNull().default(0),
  },
  t => [
    primaryKey({ name: 'report_recut_pk', columns: [t.token, t.accountId, t.openedAt, t.chatId] }),
    index('report_recut_created').on(t.createdAt),
  ],
);

/**
 * One row per chat whose conversations the report worker replaced (0039), in commit-ish order:
 * each server process's in-memory conversation index (reports/conversation-index.ts) reads the
 * rows past the last seq it saw and reloads those chats. Rows older than an hour are deleted.
 */
export const reportVersions = mysqlTable(
  'report_versions',
  {
    seq: bigint('seq', { mode: 'number' }).autoincrement().primaryKey(),
    chatId: varchar('chat_id', { length: 420 }).notNull(),
    at: ms('at').notNull(),
  },
  t => [index('report_versions_at').on(t.at)],
);

/** Messages in/out per number (member '') and sent per member, per 15-minute UTC bucket (0034). */
export const reportMessageCounts = mysqlTable(
  'report_message_counts',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    memberId: varchar('member_id', { length: 36 }).notNull(),
    bucket: ms('bucket').notNull(),
    messagesIn: int('messages_in').notNull().default(0),
    messagesOut: int('messages_out').notNull().default(0),
  },
  t => [primaryKey({ name: 'report_message_counts_pk', columns: [t.accountId, t.memberId, t.bucket] })],
);

/** Messages each member sent, per number and UTC day (0037): a range's whole days in a few rows. */
export const reportMemberDays = mysqlTable(
  'report_member_days',
  {
    accountId: varchar('account_id', { length: 200 }).notNull(),
    memberId: varchar('member_id', { length: 36 }).notNull(),
    day: ms('day').notNull(),
    messagesOut: int('messages_out').notNull().default(0),
  },
  t => [primaryKey({ name: 'report_member_days_pk', columns: [t.accountId, t.memberId, t.day] })],
);

/** Chats whose conversations the report worker must cut again (0034); `backfill`: queued by the migration. */
export const reportDirtyChats = mysqlTable(
  'report_dirty_chats',
  {
    chatId: varchar('chat_id', { length: 420 }).primaryKey(),
    backfill: boolean('backfill').notNull().default(false),
  },
  t => [index('report_dirty_chats_backfill').on(t.backfill)],
);
