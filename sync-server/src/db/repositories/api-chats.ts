/**
 * The REST API's chat list (GET /api/v1/chats): one keyset page across the numbers a key
 * may act on, filtered by status and assignee, ordered by (account, chat id).
 */
import { and, asc, eq, gt, inArray, isNull, or } from 'drizzle-orm';
import type { ChatStatus } from '../../../../common/domain';
import type { Exec } from '../index';
import { chats } from '../schema';
import type { ChatRow } from './chats';

export type ApiChatFilter = {
  readonly accountIds: readonly string[];
  readonly status?: ChatStatus | undefined;
  /** A member id, or null for unassigned chats only; undefined = any. */
  readonly assigneeId?: string | null | undefined;
  /** Keyset: chats after this (account, chat id). */
  readonly after: { readonly accountId: string; readonly chatId: string } | null;
  readonly limit: number;
};

export async function listChatsAcross(db: Exec, f: ApiChatFilter): Promise<ChatRow[]> {
  if (f.accountIds.length === 0) return [];
  const conds = [inArray(chats.accountId, [...f.accountIds])];
  if (f.status) conds.push(eq(chats.status, f.status));
  if (f.assigneeId === null) conds.push(isNull(chats.assigneeId));
  else if (f.assigneeId !== undefined) conds.push(eq(chats.assigneeId, f.assigneeId));
  if (f.after) {
    const later = or(
      gt(chats.accountId, f.after.accountId),
      and(eq(chats.accountId, f.after.accountId), gt(chats.id, f.after.chatId)),
    );
    if (later) conds.push(later);
  }
  return db
    .select()
    .from(chats)
    .where(and(...conds))
    .orderBy(asc(chats.accountId), asc(chats.id))
    .limit(f.limit);
}
