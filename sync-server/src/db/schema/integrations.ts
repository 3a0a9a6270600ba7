/**
 * The REST API's keys and idempotency records, outgoing webhooks and their queue, and Cloud API
 * numbers with their webhook inbox. Part of the workspace database's schema (../schema.ts).
 */
import {
  bigint,
  boolean,
  char,
  index,
  int,
  mediumtext,
  mysqlTable,
  primaryKey,
  text,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/mysql-core';
import { ms } from './columns';

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
