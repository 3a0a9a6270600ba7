/**
 * Where an account's next catch-up starts, kept right across a crash.
 *
 * A chat's watermark is its newest stored message. A live message stored while a catch-up is
 * still fetching the hours before it moves that watermark past messages not stored yet: if
 * the app stops before the catch-up ends, the next one would start after them and they would
 * never be fetched. So while a catch-up runs, the first live message of each chat records the
 * chat's watermark before it (a floor, null: the chat had none), and every catch-up starts at
 * the floors until one catch-up finishes. Catch-up itself stores a chat's messages oldest
 * first, so what it stored before a crash never leaves a hole below the newest of them.
 */
import { z } from 'zod';
import type { AccountId } from '../../../common/domain';
import type { StoreDb } from '../db';
import { inTransaction } from '../db';
import { chatWatermarks } from './chats';
import { deleteSetting, getSetting, setSetting } from './kv';

const keyOf = (accountId: string) => `catch_up:${accountId}`;

/** chat jid → its watermark when the first live message arrived during a catch-up. */
export type CatchUpFloors = Readonly<Record<string, number | null>>;

const floorsSchema = z.object({ floors: z.record(z.string(), z.number().nullable()) });

/** The floors of the catch-up that has not finished, or null when none is running. */
export function catchUpFloors(db: StoreDb, accountId: string): CatchUpFloors | null {
  const parsed = floorsSchema.safeParse(getSetting(db, keyOf(accountId)));
  // A value this code did not write is treated as a crash in the middle: start from nothing
  // for no chat, but keep the marker so live messages still record their floors.
  if (!parsed.success) return getSetting(db, keyOf(accountId)) === undefined ? null : {};
  return parsed.data.floors;
}

/**
 * Records that a catch-up starts and returns where it starts per chat jid: the newest stored
 * message, lowered to the floor an unfinished catch-up left (a chat whose floor is null is
 * fetched as if new). The floors stay until a catch-up finishes (`endCatchUp`).
 */
export function beginCatchUp(db: StoreDb, accountId: string): Map<string, number> {
  return inTransaction(db, () => {
    const floors = catchUpFloors(db, accountId) ?? {};
    const marks = chatWatermarks(db, accountId as AccountId);
    for (const [jid, floor] of Object.entries(floors)) {
      if (floor === null) marks.delete(jid);
      else marks.set(jid, Math.min(marks.get(jid) ?? floor, floor));
    }
    setSetting(db, keyOf(accountId), { floors });
    return marks;
  });
}

/**
 * Before live messages of these chats are stored during a catch-up: records each chat's
 * watermark as its floor, unless one is recorded already. Returns the jids it recorded.
 */
export function recordCatchUpFloors(db: StoreDb, accountId: string, jids: readonly string[]): string[] {
  return inTransaction(db, () => {
    const floors = catchUpFloors(db, accountId);
    if (floors === null) return [];
    const fresh = [...new Set(jids)].filter(jid => !(jid in floors));
    if (fresh.length === 0) return [];
    const lastOf = db.sqlite.prepare('SELECT last_message_at AS at FROM chats WHERE account_id = ? AND jid = ?');
    const next: Record<string, number | null> = { ...floors };
    for (const jid of fresh) {
      const row = lastOf.get(accountId, jid) as { at: number | null } | undefined;
      next[jid] = row?.at ?? null;
    }
    setSetting(db, keyOf(accountId), { floors: next });
    return fresh;
  });
}

/** The catch-up stored everything it fetched: every chat's newest message is its watermark again. */
export function endCatchUp(db: StoreDb, accountId: string): void {
  deleteSetting(db, keyOf(accountId));
}
