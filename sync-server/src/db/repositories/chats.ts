/** Chats as the workspace sees them, and their optimistic-concurrency updates. */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { ChatStatus } from '../../../../common/domain';
import type { WireChat, WireMessage, WireNote, WirePoll } from '../../../../common/protocol';
import type { Exec } from '../index';
import type { StoredReaction } from './reactions';
import { chats, messages, notes } from '../schema';

export type ChatRow = typeof chats.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function parseTags(text: string): string[] {
  const v = parseJson(text);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}

export const toWireChat = (c: ChatRow): WireChat => ({
  id: c.id,
  accountId: c.accountId,
  jid: c.jid,
  isGroup: c.isGroup,
  name: c.name,
  lastMessageAt: c.lastMessageAt,
  unreadCount: c.unreadCount,
  status: c.status,
  assigneeId: c.assigneeId,
  tags: parseTags(c.tags),
  version: c.version,
  slaDueAt: c.slaDueAt,
  pinned: c.pinned,
  archived: c.archived,
  ...(c.readAt !== null && c.readAt !== undefined ? { readAt: c.readAt } : {}),
});

/** A message row apart from its row id: what a push writes before the database numbers it. */
export type StoredMessage = Omit<MessageRow, 'rowId'>;

const NO_REACTIONS: readonly StoredReaction[] = [];

/** A stored message as devices receive it. An explicit literal: spreading rows costs more than the write on the push path. */
export const wireMessageOf = (
  m: StoredMessage,
  rowId: number,
  reactions: readonly StoredReaction[] = NO_REACTIONS,
  poll?: WirePoll,
  mentions?: string[],
): WireMessage => ({
  rowId,
  accountId: m.accountId,
  chatId: m.chatId,
  providerMessageId: m.providerMessageId,
  fromMe: m.fromMe,
  author: m.author,
  authorName: m.authorName,
  type: m.type,
  body: m.body,
  caption: m.caption,
  media: parseJson(m.media),
  location: parseJson(m.location),
  quotedProviderMessageId: m.quotedProviderMessageId,
  timestamp: m.timestamp,
  ack: m.ack,
  edited: m.edited,
  revoked: m.revoked,
  clientMessageId: m.clientMessageId,
  reactions: reactions.slice(),
  ...(poll ? { poll } : {}),
  ...(mentions ? { mentions } : {}),
});

export const toWireMessage = (
  m: MessageRow,
  reactions?: readonly StoredReaction[],
  poll?: WirePoll,
  mentions?: string[],
): WireMessage => wireMessageOf(m, m.rowId, reactions, poll, mentions);

export async function chatById(db: Exec, id: string): Promise<ChatRow | undefined> {
  const rows = await db.select().from(chats).where(eq(chats.id, id)).limit(1);
  return rows[0];
}

/**
 * The latest committed row, not the transaction's snapshot: after a lost conditional write
 * the caller must see the winner's state.
 */
export async function chatByIdLatest(db: Exec, id: string): Promise<ChatRow | undefined> {
  const rows = await db.select().from(chats).where(eq(chats.id, id)).limit(1).for('update');
  return rows[0];
}

export async function chatsByIds(db: Exec, ids: readonly string[]): Promise<ChatRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(chats)
    .where(inArray(chats.id, [...ids]));
}

export type ChatPatch = {
  assigneeId?: string | null;
  status?: ChatStatus;
  tags?: string[];
  pinned?: boolean;
  archived?: boolean;
};

/**
 * The conditional write: it only lands when the chat still has the version the caller
 * saw. Returns the new row, or null when another write got there first.
 */
export async function updateChatIfVersion(
  db: Exec,
  id: string,
  expectedVersion: number,
  patch: ChatPatch,
): Promise<ChatRow | null> {
  const set: {
    assigneeId?: string | null;
    status?: ChatStatus;
    tags?: string;
    pinned?: boolean;
    archived?: boolean;
    version: ReturnType<typeof sql>;
  } = {
    version: sql`${chats.version} + 1`,
  };
  if (patch.assigneeId !== undefined) set.assigneeId = patch.assigneeId;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.tags !== undefined) set.tags = JSON.stringify(patch.tags);
  if (patch.pinned !== undefined) set.pinned = patch.pinned;
  if (patch.archived !== undefined) set.archived = patch.archived;
  const [res] = await db
    .update(chats)
    .set(set)
    .where(and(eq(chats.id, id), eq(chats.version, expectedVersion)));
  // mysql2 reports matched rows; the version bump means matched = changed here.
  if (res.affectedRows !== 1) return null;
  return (await chatById(db, id)) ?? null;
}

/** Unassign a member from every chat of an account (they lost access to it). */
export async function unassignMemberInAccount(db: Exec, accountId: string, memberId: string): Promise<ChatRow[]> {
  const owned = await db
    .select({ id: chats.id })
    .from(chats)
    .where(and(eq(chats.accountId, accountId), eq(chats.assigneeId, memberId)));
  if (owned.length === 0) return [];
  const ids = owned.map(r => r.id);
  await db
    .update(chats)
    .set({ assigneeId: null, version: sql`${chats.version} + 1` })
    .where(and(inArray(chats.id, ids), eq(chats.assigneeId, memberId)));
  return chatsByIds(db, ids);
}

export async function unassignMemberEverywhere(db: Exec, memberId: string): Promise<ChatRow[]> {
  const owned = await db.select({ id: chats.id }).from(chats).where(eq(chats.assigneeId, memberId));
  if (owned.length === 0) return [];
  const ids = owned.map(r => r.id);
  await db
    .update(chats)
    .set({ assigneeId: null, version: sql`${chats.version} + 1` })
    .where(and(inArray(chats.id, ids), eq(chats.assigneeId, memberId)));
  return chatsByIds(db, ids);
}

export async function listMessages(
  db: Exec,
  chatId: string,
  before: { timestamp: number; rowId: number } | null,
  limit: number,
): Promise<MessageRow[]> {
  const keyset = before
    ? or(
        lt(messages.timestamp, before.timestamp),
        and(eq(messages.timestamp, before.timestamp), lt(messages.rowId, before.rowId)),
      )
    : undefined;
  return db
    .select()
    .from(messages)
    .where(keyset ? and(eq(messages.chatId, chatId), keyset) : eq(messages.chatId, chatId))
    .orderBy(desc(messages.timestamp), desc(messages.rowId))
    .limit(limit);
}

export const toWireNote = (n: typeof notes.$inferSelect): WireNote => ({ ...n });

export async function insertNote(db: Exec, n: WireNote): Promise<void> {
  await db.insert(notes).values(n);
}

/**
 * The note stored under a client note id. Read outside the writing transaction: after a
 * racing insert lost on the unique key, the winner's row is newer than that transaction's
 * snapshot. (MariaDB has no FOR SHARE, so no locking read here.)
 */
export async function noteByClientId(db: Exec, clientNoteId: string): Promise<WireNote | undefined> {
  const rows = await db.select().from(notes).where(eq(notes.clientNoteId, clientNoteId)).limit(1);
  return rows[0] ? toWireNote(rows[0]) : undefined;
}

/** MySQL / MariaDB ER_DUP_ENTRY, whether drizzle wrapped the driver's error or not. */
export function isDuplicateKey(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const { code, errno, cause } = e as { code?: unknown; errno?: unknown; cause?: unknown };
    if (code === 'ER_DUP_ENTRY' || errno === 1062) return true;
    e = cause;
  }
  return false;
}

export async function notesOfChat(db: Exec, chatId: string): Promise<WireNote[]> {
  const rows = await db.select().from(notes).where(eq(notes.chatId, chatId)).orderBy(notes.createdAt).limit(500);
  return rows.map(toWireNote);
}

/** Chats (with their accounts) holding a message whose media has this sha-256. */
/** A page of an account's chats by id; agents get only the chats they may see. */
export async function listChats(
  db: Exec,
  accountId: string,
  after: string | null,
  limit: number,
  onlyFor: { memberId: string; includeUnassigned: boolean } | null,
): Promise<ChatRow[]> {
  const conds = [eq(chats.accountId, accountId)];
  if (after) conds.push(gt(chats.id, after));
  if (onlyFor) {
    const mine = eq(chats.assigneeId, onlyFor.memberId);
    conds.push(onlyFor.includeUnassigned ? (or(mine, isNull(chats.assigneeId)) ?? mine) : mine);
  }
  return db
    .select()
    .from(chats)
    .where(and(...conds))
    .orderBy(asc(chats.id))
    .limit(limit);
}

/** Ids of an account's chats an agent may not see: assigned to someone else, and unassigned ones unless allowed. */
export async function chatIdsHiddenFromAgent(
  db: Exec,
  accountId: string,
  memberId: string,
  includeUnassigned: boolean,
): Promise<string[]> {
  const others = and(isNotNull(chats.assigneeId), ne(chats.assigneeId, memberId));
  const hidden = includeUnassigned ? others : or(others, isNull(chats.assigneeId));
  const rows = await db
    .select({ id: chats.id })
    .from(chats)
    .where(and(eq(chats.accountId, accountId), hidden));
  return rows.map(r => r.id);
}
