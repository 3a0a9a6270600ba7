/**
 * Password resets an admin starts (docs/server.md "Password reset"): a one-time code, shown
 * once to the admin to hand over, stored only as its sha-256 and valid for 24 hours; the
 * member uses it with a new password on POST /api/password/reset and is signed in.
 */
import { createHash, randomInt } from 'node:crypto';
import { CommandError } from '../../../common/result';
import type { Db } from '../db/index';
import { consumeReset, resetIsValid } from '../db/repositories/lockout';
import { memberByEmail, updateMember } from '../db/repositories/members';
import { insertAudit } from '../db/repositories/workspace';
import type { HashParams } from './crypto';
import { hashPassword } from './crypto';
import { checkBackoff, recordFailure, recordSuccess, spendBudgets } from './lockout';
import type { Budgets } from './lockout';
import type { SignedIn } from './sessions';
import { reasonOf, startSession } from './sessions';
import { checkSecondFactor } from './mfa';

export const RESET_VALID_MS = 24 * 60 * 60 * 1000;
/** No 0/O, 1/I/L: the code is read out or typed from a message. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 15 random characters (about 74 bits) in three groups: XXXXX-XXXXX-XXXXX. */
export function newResetCode(): string {
  const chars = Array.from({ length: 15 }, () => ALPHABET[randomInt(ALPHABET.length)]!);
  return [chars.slice(0, 5), chars.slice(5, 10), chars.slice(10)].map(g => g.join('')).join('-');
}

/** Case, spaces and dashes do not matter when the member types it. */
export function resetCodeHash(code: string): string {
  return createHash('sha256')
    .update(`reset:${code.toUpperCase().replace(/[\s-]/g, '')}`)
    .digest('hex');
}

const invalid = () =>
  new CommandError('unauthenticated', 'the reset code is wrong or has expired', { reason: 'reset_invalid' });

export async function resetWithCode(
  db: Db,
  input: {
    email: string;
    code: string;
    newPassword: string;
    deviceName: string;
    platform?: 'win' | 'mac' | 'linux' | 'web' | 'other' | undefined;
    deviceKey?: string | undefined;
    mfaCode?: string | undefined;
    ip: string;
  },
  limits: Budgets & { readonly hash: HashParams; readonly mfaKey: Buffer | null },
  now: number,
): Promise<SignedIn> {
  const email = input.email.toLowerCase();
  // Guessing codes costs the same budgets and back-off as guessing passwords.
  await spendBudgets(db, { email, ip: input.ip }, limits, now);
  const member = await memberByEmail(db, email);
  const { exempt } = await checkBackoff(db, { email, memberId: member?.id ?? null, deviceKey: input.deviceKey }, now);
  const codeHash = resetCodeHash(input.code);
  if (!member || !member.active || !(await resetIsValid(db, member.id, codeHash, now))) {
    await recordFailure(db, email, now);
    throw invalid();
  }
  // A reset code replaces the password, not the second factor: a member who has one signs in
  // with it here too (the code stays valid until then). Losing both is mfa:reset's job.
  try {
    await checkSecondFactor(db, member.id, { email, ip: input.ip, code: input.mfaCode }, limits.mfaKey);
  } catch (err) {
    if (err instanceof CommandError && reasonOf(err) === 'mfa_invalid') await recordFailure(db, email, now);
    throw err;
  }
  // Two requests with one code: only one spends it.
  if (!(await consumeReset(db, member.id, codeHash, now))) throw invalid();
  await updateMember(db, member.id, { passwordHash: await hashPassword(input.newPassword, limits.hash) });
  await recordSuccess(db, { email, memberId: member.id, deviceKey: input.deviceKey, exempt }, now);
  await insertAudit(db, {
    memberId: member.id,
    deviceId: null,
    action: 'password.reset_completed',
    chatId: null,
    before: null,
    after: null,
    at: now,
  });
  return startSession(db, member, input, now);
}
