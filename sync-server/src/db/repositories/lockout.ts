/** The sign-in back-off per e-mail, the device keys exempt from it, and admin-started reset codes. */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Exec } from '../index';
import { loginBackoff, memberDeviceKeys, passwordResets } from '../schema';

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

/** Starts (or replaces) a member's reset: only the newest code works. */
export async function saveReset(
  db: Exec,
  r: { memberId: string; codeHash: string; expiresAt: number; createdBy: string; now: number },
): Promise<void> {
  const row = { memberId: r.memberId, codeHash: r.codeHash, expiresAt: r.expiresAt, createdBy: r.createdBy };
  await db
    .insert(passwordResets)
    .values({ ...row, createdAt: r.now })
    .onDuplicateKeyUpdate({ set: { ...row, createdAt: r.now } });
}

/**
 * Uses a member's reset code once: true when it matched and was still valid. The delete is
 * conditional on the hash, so two concurrent uses of one code cannot both succeed.
 */
/** The code is the member's and not expired, without spending it. */
export async function resetIsValid(db: Exec, memberId: string, codeHash: string, now: number): Promise<boolean> {
  const rows = await db
    .select({ memberId: passwordResets.memberId })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.memberId, memberId),
        eq(passwordResets.codeHash, codeHash),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function consumeReset(db: Exec, memberId: string, codeHash: string, now: number): Promise<boolean> {
  const [res] = await db
    .delete(passwordResets)
    .where(
      and(
        eq(passwordResets.memberId, memberId),
        eq(passwordResets.codeHash, codeHash),
        gt(passwordResets.expiresAt, now),
      ),
    );
  return res.affectedRows > 0;
}
