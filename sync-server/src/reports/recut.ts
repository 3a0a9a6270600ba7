/**
 * A stored row is its conversation as it is now. For a range that ended before some of its
 * conversations' latest instant, those chats are cut again as at the range's end (stored.ts
 * asAtEnd, the same rule the TypeScript path applies) and written under a random token in
 * report_recut, where the SQL aggregates and the conversation list read them in place of the
 * stored rows of those chats.
 */
import { randomUUID } from 'node:crypto';
import type { RawExec } from '../db/index';
import { changedAfterEnd, writeRecut } from '../db/repositories/report-recut';
import { rowOf } from './maintain';
import { asAtEnd } from './stored';

export type RecutRange = {
  /** Chats whose stored rows the range does not read (their rows as at the end are under token). */
  readonly recutChats: readonly string[];
  /** null: nothing in the range changed after its end. */
  readonly token: string | null;
};

export async function recutRange(
  raw: RawExec,
  accountIds: readonly string[],
  start: number,
  end: number,
  now: number,
): Promise<RecutRange> {
  const rows = await changedAfterEnd(raw, accountIds, start, end);
  if (rows.length === 0) return { recutChats: [], token: null };
  const accountOf = new Map(rows.map(r => [r[1], r[0]]));
  const conversations = await asAtEnd(raw, rows, start, end);
  const token = randomUUID();
  await writeRecut(
    raw,
    token,
    now,
    conversations.map(c => rowOf(accountOf.get(c.chatId) ?? '', c)),
  );
  return { recutChats: [...accountOf.keys()], token };
}
