/** Settings (key → JSON value) and sync cursors (where each pull stream stopped). */
import { eq } from 'drizzle-orm';
import type { StoreDb } from '../db';
import { settings, syncCursors } from '../schema';

/** JSON-compatible values only: what goes in comes back out unchanged. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [k: string]: JsonValue };

export function getSetting(db: StoreDb, key: string): JsonValue | undefined {
  const row = db.orm.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  return row ? (JSON.parse(row.value) as JsonValue) : undefined;
}

export function setSetting(db: StoreDb, key: string, value: JsonValue, now = Date.now()): void {
  const json = JSON.stringify(value);
  db.orm
    .insert(settings)
    .values({ key, value: json, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
    .run();
}

export function deleteSetting(db: StoreDb, key: string): void {
  db.orm.delete(settings).where(eq(settings.key, key)).run();
}

export function getSyncCursor(db: StoreDb, key: string): string | null {
  return (
    db.orm.select({ value: syncCursors.value }).from(syncCursors).where(eq(syncCursors.key, key)).get()?.value ?? null
  );
}

export function setSyncCursor(db: StoreDb, key: string, value: string, now = Date.now()): void {
  db.orm
    .insert(syncCursors)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: syncCursors.key, set: { value, updatedAt: now } })
    .run();
}
