/**
 * What happens to a message once it exists: reactions, polls and votes, mentions, reactions and
 * edits or deletes asked for from another device, and read receipts. Part of the workspace database's schema (../schema.ts).
 */
import { boolean, char, index, int, mediumtext, mysqlTable, primaryKey, text, varchar } from 'drizzle-orm/mysql-core';
import { ms } from './columns';

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
