/** Sign-in and token checks, shared by the HTTP API and the Socket.IO handshake. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../common/domain';
import type { HandshakeRefusal } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { Db } from '../db/index';
import type { Platform } from '../../../common/protocol-sessions';
import {
  insertSession,
  memberByEmail,
  sessionByTokenHash,
  touchSession,
  updateMember,
} from '../db/repositories/members';
import { insertAudit } from '../db/repositories/workspace';
import { dummyHash, hashPassword, needsRehash, newToken, tokenHash, verifyPassword } from './crypto';
import type { HashParams } from './crypto';
import type { SessionPolicy } from './expiry';
import type { Budgets } from './lockout';
import { checkBackoff, recordFailure, recordSuccess, spendBudgets } from './lockout';
import { isExpired, needsTouch } from './expiry';
import { checkSecondFactor } from './mfa';

export type Principal = {
  readonly memberId: string;
  readonly sessionId: string;
  readonly role: Role;
  readonly name: string;
};

/** The reasons a failed sign-in is audited with (never shown to the one signing in). */
type SignInFailure = 'wrong_password' | 'unknown_email' | 'deactivated' | 'rate_limited';

export type LoginLimits = Budgets & {
  /** The scrypt cost of new hashes, and of the dummy hash checked for unknown e-mails. */
  readonly hash: HashParams;
  /** The TOTP secrets' key (auth/mfa.ts); null when none is configured. */
  readonly mfaKey?: Buffer | null;
};

export async function login(
  db: Db,
  input: {
    email: string;
    password: string;
    deviceName: string;
    platform?: Platform | undefined;
    deviceKey?: string | undefined;
    ip: string;
    /** A TOTP or recovery code, for a member with two-step sign-in. */
    code?: string | undefined;
  },
  limits: LoginLimits,
  /** The session policy's clock: a session starts when its expiry clock says it does. */
  now: number,
): Promise<SignedIn> {
  const failed = (memberId: string | null, reason: SignInFailure) =>
    insertAudit(db, {
      memberId,
      deviceId: null,
      action: 'session.sign_in_failed',
      chatId: null,
      before: null,
      after: { email: input.email.slice(0, 120), ip: input.ip, reason },
      at: now,
    });
  const email = input.email.toLowerCase();
  let exempt = false;
  let member: Awaited<ReturnType<typeof memberByEmail>>;
  try {
    await spendBudgets(db, { email, ip: input.ip }, limits, now);
    member = await memberByEmail(db, email);
    ({ exempt } = await checkBackoff(db, { email, memberId: member?.id ?? null, deviceKey: input.deviceKey }, now));
  } catch (err) {
    await failed(null, 'rate_limited');
    throw err;
  }
  const okPassword = await verifyPassword(input.password, member?.passwordHash ?? dummyHash(limits.hash));
  if (!member || !okPassword || !member.active) {
    // A deactivated member's right password is not a guess: it does not count towards the lock.
    if (!member || !okPassword) await recordFailure(db, email, now);
    await failed(member?.id ?? null, !member ? 'unknown_email' : !okPassword ? 'wrong_password' : 'deactivated');
    throw new CommandError('unauthenticated', 'wrong e-mail or password');
  }
  try {
    await checkSecondFactor(db, member.id, input, limits.mfaKey ?? null);
  } catch (err) {
    // A wrong code is a guess like a wrong password: it counts towards the e-mail's lock.
    if (err instanceof CommandError && reasonOf(err) === 'mfa_invalid') await recordFailure(db, email, now);
    throw err;
  }
  await recordSuccess(db, { email, memberId: member.id, deviceKey: input.deviceKey, exempt }, now);
  // Only now is the password known: a hash made with weaker parameters is upgraded in place.
  if (needsRehash(member.passwordHash, limits.hash))
    await updateMember(db, member.id, { passwordHash: await hashPassword(input.password, limits.hash) });
  return startSession(db, member, input, now);
}

export function reasonOf(err: CommandError): unknown {
  const details: unknown = err.details;
  return typeof details === 'object' && details !== null && 'reason' in details ? details.reason : undefined;
}

export type SignedIn = { token: string; sessionId: string; memberId: string; role: Role };

/** A new session for a member whose credentials were just checked (a sign-in, or a reset code). */
export async function startSession(
  db: Db,
  member: { id: string; role: Role },
  input: { deviceName: string; platform?: Platform | undefined; ip: string },
  now: number,
): Promise<SignedIn> {
  const token = newToken();
  const sessionId = randomUUID();
  const platform = input.platform ?? null;
  const ip = input.ip.slice(0, 64);
  await insertSession(db, {
    id: sessionId,
    memberId: member.id,
    tokenHash: tokenHash(token),
    deviceName: input.deviceName,
    platform,
    ip,
    now,
  });
  await insertAudit(db, {
    memberId: member.id,
    deviceId: sessionId,
    action: 'session.sign_in',
    chatId: null,
    before: null,
    after: { deviceName: input.deviceName, platform, ip },
    at: now,
  });
  return { token, sessionId, memberId: member.id, role: member.role };
}

/** The principal behind a token, or why there is none (the handshake passes the reason on). */
export async function checkToken(
  db: Db,
  token: string,
  policy: SessionPolicy,
): Promise<{ principal: Principal } | { refused: HandshakeRefusal }> {
  if (token.length < 20 || token.length > 200) return { refused: 'unknown_token' };
  const found = await sessionByTokenHash(db, tokenHash(token));
  if (!found) return { refused: 'unknown_token' };
  // Only the holder of the token learns this, and it is what their device must act on.
  // Deactivating also revokes every session of the member: the more telling reason first.
  if (!found.member.active) return { refused: 'member_deactivated' };
  if (found.session.revokedAt !== null) return { refused: 'session_revoked' };
  const { member, session } = found;
  if (isExpired(policy, session)) return { refused: 'session_expired' };
  // A device that uses the token is active: the idle clock starts again (at most every few minutes).
  if (needsTouch(policy, session.lastSeenAt)) await touchSession(db, session.id, policy.now());
  return { principal: { memberId: member.id, sessionId: session.id, role: member.role, name: member.name } };
}

/** The principal behind a token, or null when it is unknown, revoked, expired or its member deactivated. */
export async function authenticate(db: Db, token: string, policy: SessionPolicy): Promise<Principal | null> {
  const checked = await checkToken(db, token, policy);
  return 'principal' in checked ? checked.principal : null;
}

/**
 * The handshake's refusal: Socket.IO hands `message` and `data` to the client's connect_error.
 * The message stays `unauthenticated` for clients that only read that (docs/protocol.md).
 */
export function handshakeRefusal(reason: HandshakeRefusal): Error & { data: { reason: HandshakeRefusal } } {
  return Object.assign(new Error('unauthenticated'), { data: { reason } });
}
