/** A member's second factor (table member_mfa): the encrypted secret and its last used time step. */
import { and, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Exec } from '../index';
import { memberMfa, members, mfaRecoveryCodes } from '../schema';

export type MfaRow = typeof memberMfa.$inferSelect;

export async function mfaOf(db: Exec, memberId: string): Promise<MfaRow | undefined> {
  const [row] = await db.select().from(memberMfa).where(eq(memberMfa.memberId, memberId));
  return row;
}

/** Starts (or restarts) an enrolment; refused by the caller when TOTP is already on. */
export async function putPendingMfa(db: Exec, memberId: string, secretEnc: string, now: number): Promise<void> {
  await db
    .insert(memberMfa)
    .values({ memberId, secretEnc, enabledAt: null, lastStep: null, createdAt: now })
    .onDuplicateKeyUpdate({ set: { secretEnc, enabledAt: null, lastStep: null, createdAt: now } });
}

/**
 * Records that a code for `step` was accepted (and enables a pending enrolment when `enable`).
 * Conditional on the stored step being older, so two requests racing with one code cannot
 * both win: false means this code was already used.
 */
export async function takeStep(db: Exec, memberId: string, step: number, enable: number | null): Promise<boolean> {
  const [res] = await db
    .update(memberMfa)
    .set(enable === null ? { lastStep: step } : { lastStep: step, enabledAt: enable })
    .where(
      and(
        eq(memberMfa.memberId, memberId),
        enable === null ? isNotNull(memberMfa.enabledAt) : isNull(memberMfa.enabledAt),
        or(isNull(memberMfa.lastStep), lt(memberMfa.lastStep, step)),
      ),
    );
  return res.affectedRows === 1;
}

/** Replaces every recovery code of the member (the old ones stop working). */
export async function replaceRecoveryCodes(db: Exec, memberId: string, hashes: readonly string[]): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.memberId, memberId));
  await db.insert(mfaRecoveryCodes).values(hashes.map(codeHash => ({ memberId, codeHash, usedAt: null })));
}

/** Spends one unused code; false when it is unknown or already used (also when two requests race). */
export async function spendRecoveryCode(db: Exec, memberId: string, codeHash: string, now: number): Promise<boolean> {
  const [res] = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(mfaRecoveryCodes.memberId, memberId),
        eq(mfaRecoveryCodes.codeHash, codeHash),
        isNull(mfaRecoveryCodes.usedAt),
      ),
    );
  return res.affectedRows === 1;
}

export async function recoveryCodesLeft(db: Exec, memberId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.memberId, memberId), isNull(mfaRecoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

/** Turns the member's second factor off: the secret and every recovery code go. */
export async function deleteMfa(db: Exec, memberId: string): Promise<void> {
  await db.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.memberId, memberId));
  await db.delete(memberMfa).where(eq(memberMfa.memberId, memberId));
}

/** Active admins with no confirmed second factor: who the "admins must use it" policy stops. */
export async function adminsWithoutMfa(db: Exec): Promise<string[]> {
  const rows = await db
    .select({ id: members.id })
    .from(members)
    .leftJoin(memberMfa, eq(memberMfa.memberId, members.id))
    .where(and(eq(members.role, 'admin'), eq(members.active, true), isNull(memberMfa.enabledAt)));
  return rows.map(r => r.id);
}
