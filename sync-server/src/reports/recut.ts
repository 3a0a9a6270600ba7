/**
 * A stored row is its conversation as it is now. For a range that ended before some of its
 * conversations' latest instant, those chats are cut again as at the range's end (stored.ts
 * cutAgainAtEnd, the same rule the TypeScript path applies) and written under a random token in
 * report_recut, where the SQL aggregates and the conversation list read them in place of the
 * stored rows of those chats.
 */
import { randomUUID } from 'node:crypto';
import type { RawExec } from '../db/index';
import { writeRecut } from '../db/repositories/report-recut';
import type { StoredConversation } from '../db/repositories/report-tables';
import { rowOf } from './maintain';
import { cutAgainAtEnd } from './stored';

export type RecutRange = {
  /** Chats cut again as at the range's end (their conversations from then on are under token). */
  readonly recutChats: readonly string[];
  /** null: nothing in the range changed after its end. */
  readonly token: string | null;
  /** The rows written under token (the conversation index's report reads them from here). */
  readonly rows: readonly StoredConversation[];
};

/** Chats to cut again: each from its earliest conversation of the range touched at or after the end. */
export type ChangedChats = {
  readonly from: ReadonlyMap<string, number>;
  readonly accountOf: ReadonlyMap<string, string>;
};

/** The chats' conversations from their opening in `changed` on, cut as at `end` and written under a new token. */
export async function recutChanged(
  raw: RawExec,
  changed: ChangedChats,
  start: number,
  end: number,
  now: number,
): Promise<RecutRange> {
  if (changed.accountOf.size === 0) return { recutChats: [], token: null, rows: [] };
  // The stored rows before each chat's opening in `from` stay where they are (the reads keep
  // rows touched before the end).
  const conversations = (await cutAgainAtEnd(raw, changed.from, start, end)).filter(
    c => c.openedAt >= (changed.from.get(c.chatId) ?? Infinity),
  );
  const token = randomUUID();
  const rows = conversations.map(c => rowOf(changed.accountOf.get(c.chatId) ?? '', c));
  await writeRecut(raw, token, now, rows);
  return { recutChats: [...changed.accountOf.keys()], token, rows };
}
