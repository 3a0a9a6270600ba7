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
  /** Chats cut again as at the range's end (their conversations from then on are under token). */
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
  // Each chat is cut again from its earliest conversation touched at or after the end; the
  // stored rows before that one stay where they are (the reads keep rows touched before the end).
  const from = new Map<string, number>();
  for (const r of rows) if (r[13] >= end) from.set(r[1], Math.min(from.get(r[1]) ?? r[2], r[2]));
  const conversations = (await asAtEnd(raw, rows, start, end)).filter(
    c => c.openedAt >= (from.get(c.chatId) ?? Infinity),
  );
  const token = randomUUID();
  await writeRecut(
    raw,
    token,
    now,
    conversations.map(c => rowOf(accountOf.get(c.chatId) ?? '', c)),
  );
  return { recutChats: [...accountOf.keys()], token };
}
