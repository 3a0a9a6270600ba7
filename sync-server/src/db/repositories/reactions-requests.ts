/**
 * reaction_requests (0024): the reactions members ask for with message:react. The row is
 * inserted before anything is sent, keyed by the client's id, so a retry finds it and
 * nothing goes out twice; its state moves from queued to sent or failed once.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { WireReactionRequest } from '../../../../common/protocol-reactions';
import type { Exec } from '../index';
import { reactionRequests } from '../schema';
import { isDuplicateKey } from './chats';

export type ReactionRequestRow = typeof reactionRequests.$inferSelect;

export const wireReactionRequest = (r: ReactionRequestRow): WireReactionRequest => ({
  clientReactionId: r.clientReactionId,
  accountId: r.accountId,
  chatId: r.chatId,
  chatJid: r.chatJid,
  providerMessageId: r.providerMessageId,
  emoji: r.emoji,
  state: r.state === 'sent' || r.state === 'failed' ? r.state : 'queued',
  error: r.error,
});

export async function reactionRequestById(db: Exec, id: string): Promise<ReactionRequestRow | undefined> {
  const [row] = await db.select().from(reactionRequests).where(eq(reactionRequests.clientReactionId, id)).limit(1);
  return row;
}

/** False when the id is already taken (a retry, or a race with one). */
export async function insertReactionRequest(db: Exec, row: ReactionRequestRow): Promise<boolean> {
  try {
    await db.insert(reactionRequests).values(row);
    return true;
  } catch (err) {
    // drizzle wraps the driver's error: the duplicate key is found on its cause.
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/** Settles a queued request; false when it was settled already (the first outcome wins). */
export async function settleReactionRequest(
  db: Exec,
  id: string,
  outcome: { state: 'sent' | 'failed'; error: string | null },
  now: number,
): Promise<boolean> {
  const [r] = await db
    .update(reactionRequests)
    .set({ state: outcome.state, error: outcome.error, updatedAt: now })
    .where(and(eq(reactionRequests.clientReactionId, id), eq(reactionRequests.state, 'queued')));
  return r.affectedRows > 0;
}

export async function queuedReactionRequests(db: Exec, accountIds: readonly string[]): Promise<ReactionRequestRow[]> {
  if (accountIds.length === 0) return [];
  return db
    .select()
    .from(reactionRequests)
    .where(and(inArray(reactionRequests.accountId, [...accountIds]), eq(reactionRequests.state, 'queued')))
    .limit(500);
}
