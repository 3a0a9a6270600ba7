/**
 * The media store's rows: a blob (its bytes live on disk, named by sha-256), the accounts it
 * was uploaded for, and the messages and chats that refer to it. A reference from a message
 * proves nothing (any host can name any hash in its push); ownership is recorded only when
 * a host of the account uploads the bytes.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Exec } from '../index';
import { blobAccounts, blobs, chats, messages } from '../schema';
import type { ChatRow, MessageRow } from './chats';

export async function blobBySha(db: Exec, sha256: string): Promise<typeof blobs.$inferSelect | undefined> {
  const rows = await db.select().from(blobs).where(eq(blobs.sha256, sha256)).limit(1);
  return rows[0];
}

export async function insertBlob(
  db: Exec,
  b: { sha256: string; size: number; mimeType: string; now: number },
): Promise<void> {
  await db.insert(blobs).ignore().values({ sha256: b.sha256, size: b.size, mimeType: b.mimeType, createdAt: b.now });
}

export async function addBlobOwners(db: Exec, sha256: string, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await db
    .insert(blobAccounts)
    .ignore()
    .values(accountIds.map(accountId => ({ sha256, accountId })));
}

/** The accounts a blob was uploaded for. */
export async function blobOwners(db: Exec, sha256: string): Promise<string[]> {
  const rows = await db
    .select({ id: blobAccounts.accountId })
    .from(blobAccounts)
    .where(eq(blobAccounts.sha256, sha256));
  return rows.map(r => r.id);
}

/** Which of these accounts have a message with this media. */
export async function accountsReferencingMedia(
  db: Exec,
  sha256: string,
  accountIds: readonly string[],
): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: messages.accountId })
    .from(messages)
    .where(and(eq(messages.mediaSha256, sha256), inArray(messages.accountId, [...accountIds])));
  return rows.map(r => r.id);
}

/**
 * Chats with a message carrying this media, only in the given accounts when a list is given
 * (so chats an attacker adds elsewhere cannot crowd out the ones that matter).
 */
export async function chatsWithMedia(
  db: Exec,
  sha256: string,
  accountIds: readonly string[] | null = null,
): Promise<ChatRow[]> {
  if (accountIds?.length === 0) return [];
  const inScope = accountIds ? inArray(messages.accountId, [...accountIds]) : undefined;
  const rows = await db
    .selectDistinct({ chat: chats })
    .from(messages)
    .innerJoin(chats, eq(chats.id, messages.chatId))
    .where(and(eq(messages.mediaSha256, sha256), inScope))
    .limit(50);
  return rows.map(r => r.chat);
}

/** A message of this account carrying this media (its host is asked to upload it). */
export async function messageWithMedia(db: Exec, sha256: string, accountId: string): Promise<MessageRow | undefined> {
  const rows = await db
    .select()
    .from(messages)
    .where(and(eq(messages.mediaSha256, sha256), eq(messages.accountId, accountId)))
    .limit(1);
  return rows[0];
}
