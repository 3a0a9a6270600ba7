/**
 * The REST API's contact list (GET /api/v1/contacts): one keyset page across the numbers a
 * key may act on, ordered by (account, contact key), optionally narrowed by a search in
 * the name, push name or phone.
 */
import type { SQL } from 'drizzle-orm';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { MySqlColumn } from 'drizzle-orm/mysql-core';
import type { Exec } from '../index';
import { contacts } from '../schema';

export type ContactRow = typeof contacts.$inferSelect;

export type ApiContactFilter = {
  readonly accountIds: readonly string[];
  /** Matched anywhere in the name, push name or phone, case-insensitively. */
  readonly search?: string | undefined;
  /** Keyset: contacts after this (account, key). */
  readonly after: { readonly accountId: string; readonly key: string } | null;
  readonly limit: number;
};

/** `%` and `_` typed by a caller match themselves, not any text. */
const likeText = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, c => `\\${c}`)}%`;
/** The tables compare ids byte for byte (utf8mb4_bin), so case is folded here. */
const contains = (column: MySqlColumn, pattern: string): SQL => sql`lower(${column}) like ${pattern}`;

/** One contact of a number, by the id a client holds: its key, jid or lid. */
export async function getContactOf(db: Exec, accountId: string, id: string): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), or(eq(contacts.key, id), eq(contacts.jid, id), eq(contacts.lid, id))))
    .orderBy(asc(contacts.key))
    .limit(1);
  return row ?? null;
}

export async function listContactsAcross(db: Exec, f: ApiContactFilter): Promise<ContactRow[]> {
  if (f.accountIds.length === 0) return [];
  const conds = [inArray(contacts.accountId, [...f.accountIds])];
  if (f.search) {
    const pattern = likeText(f.search);
    const match = or(
      contains(contacts.name, pattern),
      contains(contacts.pushName, pattern),
      contains(contacts.phone, pattern),
    );
    if (match) conds.push(match);
  }
  if (f.after) {
    const later = or(
      gt(contacts.accountId, f.after.accountId),
      and(eq(contacts.accountId, f.after.accountId), gt(contacts.key, f.after.key)),
    );
    if (later) conds.push(later);
  }
  return db
    .select()
    .from(contacts)
    .where(and(...conds))
    .orderBy(asc(contacts.accountId), asc(contacts.key))
    .limit(f.limit);
}
