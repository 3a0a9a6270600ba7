/**
 * The second sign-in factor: TOTP codes (RFC 6238, 30 s steps, 6 digits, SHA-1, as every
 * authenticator app expects) checked against the member's decrypted secret, ±1 step for
 * clock drift, each step usable once. login() calls checkSecondFactor after the password.
 */
import { Secret, TOTP } from 'otpauth';
import { CommandError } from '../../../common/result';
import type { Db, Exec } from '../db/index';
import { mfaOf, spendRecoveryCode, takeStep } from '../db/repositories/mfa';
import { insertAudit } from '../db/repositories/workspace';
import { decryptSecret } from './mfa-crypto';
import { recoveryCodeHash } from './mfa-recovery';

const PERIOD_SECONDS = 30;
export const SECRET_BYTES = 20;
export const MFA_ISSUER = 'Blazz Desk';

export function totpOf(secret: Buffer, email: string): TOTP {
  return new TOTP({
    issuer: MFA_ISSUER,
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: new Secret({ buffer: new Uint8Array(secret).buffer }),
  });
}

/** The time step a code belongs to (now ±1), or null when it matches none of them. */
export function stepOfCode(secret: Buffer, code: string, now: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
}

export const mfaKeyMissing = () =>
  new CommandError('unavailable', 'two-step sign-in is not configured on this server (MFA_ENCRYPTION_KEY)', {
    reason: 'mfa_key_missing',
  });

/** The member's secret in clear; refuses when the server has no key or the row is not under it. */
export function openSecret(key: Buffer | null, secretEnc: string): Buffer {
  const secret = key ? decryptSecret(key, secretEnc) : null;
  if (!secret) throw mfaKeyMissing();
  return secret;
}

/**
 * Accepts a code for the member: a TOTP code (its step is recorded, so it cannot sign in
 * twice, even from two requests at once) or an unused recovery code (spent). Which one it
 * was, or null when neither.
 */
export async function consumeCode(
  db: Exec,
  memberId: string,
  code: string,
  key: Buffer | null,
  now: number,
): Promise<'totp' | 'recovery' | null> {
  const row = await mfaOf(db, memberId);
  if (!row?.enabledAt) return null;
  if (/^\d{6}$/.test(code)) {
    const step = stepOfCode(openSecret(key, row.secretEnc), code, now);
    return step !== null && (await takeStep(db, memberId, step, null)) ? 'totp' : null;
  }
  return (await spendRecoveryCode(db, memberId, recoveryCodeHash(code), now)) ? 'recovery' : null;
}

const noRow = { deviceId: null, chatId: null, before: null, after: null } as const;

export type SignInAttempt = { readonly email: string; readonly ip: string; readonly code?: string | undefined };

/**
 * Called by login() once the password is right: nothing for a member without TOTP;
 * otherwise the code must be current and unused. Refusals carry details.reason
 * 'mfa_required' (no code sent) or 'mfa_invalid' (audited as a failed sign-in).
 */
export async function checkSecondFactor(
  db: Db,
  memberId: string,
  attempt: SignInAttempt,
  key: Buffer | null,
): Promise<void> {
  const now = Date.now();
  const row = await mfaOf(db, memberId);
  if (!row?.enabledAt) return;
  if (attempt.code === undefined)
    throw new CommandError('unauthenticated', 'this member signs in with a second factor code', {
      reason: 'mfa_required',
    });
  const used = await consumeCode(db, memberId, attempt.code, key, now);
  if (used === 'totp') return;
  if (used === 'recovery') {
    await insertAudit(db, { ...noRow, memberId, action: 'mfa.recovery_used', at: now });
    return;
  }
  await insertAudit(db, {
    memberId,
    deviceId: null,
    action: 'session.sign_in_failed',
    chatId: null,
    before: null,
    after: { email: attempt.email.slice(0, 120), ip: attempt.ip, reason: 'mfa_invalid' },
    at: now,
  });
  throw new CommandError('unauthenticated', 'wrong or used second factor code', { reason: 'mfa_invalid' });
}
