/** The sign-in back-off per e-mail and the device keys exempt from it (auth/lockout.ts decides). */
import { and, eq, sql } from 'drizzle-orm';
import type { Exec } from '../index';
import { loginBackoff, memberDeviceKeys } from '../schema';

export async function backoffOf(db: Exec, email: string): Promise<{ failures: number; lockedUntil: number }> {
  const rows = await db.select().from(loginBackoff).where(eq(loginBackoff.email, email)).limit(1);
  return { failures: rows[0]?.failures ?? 0, lockedUntil: rows[0]?.lockedUntil ?? 0 };
}

/** One more failure in a row; answers the new count (atomic across nodes). */
export async function addFailure(db: Exec, email: string): Promise<number> {
  await db
    .insert(loginBackoff)
    .values({ email, failures: 1, lockedUntil: 0 })
    .onDuplicateKeyUpdate({ set: { failures: sql`failures + 1` } });
  return (await backoffOf(db, email)).failures;
}

export async function lockUntil(db: Exec, email: string, until: number): Promise<void> {
  await db.update(loginBackoff).set({ lockedUntil: until }).where(eq(loginBackoff.email, email));
}

export async function clearFailures(db: Exec, email: string): Promise<void> {
  await db.delete(loginBackoff).where(eq(loginBackoff.email, email));
}

export async function isKnownDevice(db: Exec, memberId: string, keyHash: string): Promise<boolean> {
  const rows = await db
    .select({ m: memberDeviceKeys.memberId })
    .from(memberDeviceKeys)
    .where(and(eq(memberDeviceKeys.memberId, memberId), eq(memberDeviceKeys.keyHash, keyHash)))
    .limit(1);
  return rows.length > 0;
}

export async function rememberDevice(db: Exec, memberId: string, keyHash: string, now: number): Promise<void> {
  await db.insert(memberDeviceKeys).ignore().values({ memberId, keyHash, createdAt: now });
}
