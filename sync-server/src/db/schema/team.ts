/**
 * The workspace's members, their sessions and second factors, sign-in limits, settings and tags. Part of the workspace database's schema (../schema.ts).
 */
import { boolean, char, index, int, mysqlEnum, mysqlTable, primaryKey, varchar } from 'drizzle-orm/mysql-core';
import type { Platform } from '../../../../common/protocol-sessions';
import { ms } from './columns';

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
