/** Sign-in and token checks, shared by the HTTP API and the Socket.IO handshake. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../common/domain';
import type { HandshakeRefusal } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { Db } from '../db/index';
import { insertSession, memberByEmail, sessionByTokenHash } from '../db/repositories/members';
import { hitRateLimit } from '../db/repositories/workspace';
import { checkSecondFactor } from './mfa';
import { DUMMY_HASH, newToken, tokenHash, verifyPassword } from './crypto';

export type Principal = {
  readonly memberId: string;
  readonly sessionId: string;
  readonly role: Role;
  readonly name: string;
};

export type LoginLimits = {
  readonly perIpPerMinute: number;
  readonly perAccountPerMinute: number;
  /** The TOTP secrets' key (auth/mfa.ts); null when none is configured. */
  readonly mfaKey?: Buffer | null;
};

export async function login(
  db: Db,
  input: { email: string; password: string; deviceName: string; ip: string; code?: string | undefined },
  limits: LoginLimits,
): Promise<{ token: string; sessionId: string; memberId: string; role: Role }> {
  const now = Date.now();
  // Both counters are hit before the password is checked, so guessing costs attempts either way.
  const byIp = await hitRateLimit(db, `login-ip:${input.ip}`, 60_000, now);
  const byAccount = await hitRateLimit(db, `login-email:${input.email.toLowerCase()}`, 60_000, now);
  if (byIp > limits.perIpPerMinute || byAccount > limits.perAccountPerMinute) {
    throw new CommandError('rate_limited', 'too many sign-in attempts; wait a minute');
  }
  const member = await memberByEmail(db, input.email);
  const okPassword = await verifyPassword(input.password, member?.passwordHash ?? DUMMY_HASH);
  if (!member || !okPassword || !member.active) throw new CommandError('unauthenticated', 'wrong e-mail or password');
  await checkSecondFactor(db, member.id, input, limits.mfaKey ?? null);
  const token = newToken();
  const sessionId = randomUUID();
  await insertSession(db, {
    id: sessionId,
    memberId: member.id,
    tokenHash: tokenHash(token),
    deviceName: input.deviceName,
    now,
  });
  return { token, sessionId, memberId: member.id, role: member.role };
}

/** The principal behind a token, or why there is none (the handshake passes the reason on). */
export async function checkToken(
  db: Db,
  token: string,
): Promise<{ principal: Principal } | { refused: HandshakeRefusal }> {
  if (token.length < 20 || token.length > 200) return { refused: 'unknown_token' };
  const found = await sessionByTokenHash(db, tokenHash(token));
  if (!found) return { refused: 'unknown_token' };
  // Only the holder of the token learns this, and it is what their device must act on.
  // Deactivating also revokes every session of the member: the more telling reason first.
  if (!found.member.active) return { refused: 'member_deactivated' };
  if (found.session.revokedAt !== null) return { refused: 'session_revoked' };
  const { member, session } = found;
  return { principal: { memberId: member.id, sessionId: session.id, role: member.role, name: member.name } };
}

/** The principal behind a token, or null when it is unknown, revoked or its member deactivated. */
export async function authenticate(db: Db, token: string): Promise<Principal | null> {
  const checked = await checkToken(db, token);
  return 'principal' in checked ? checked.principal : null;
}

/**
 * The handshake's refusal: Socket.IO hands `message` and `data` to the client's connect_error.
 * The message stays `unauthenticated` for clients that only read that (docs/protocol.md).
 */
export function handshakeRefusal(reason: HandshakeRefusal): Error & { data: { reason: HandshakeRefusal } } {
  return Object.assign(new Error('unauthenticated'), { data: { reason } });
}
