/** Sign-in and token checks, shared by the HTTP API and the Socket.IO handshake. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../common/domain';
import { CommandError } from '../../../common/result';
import type { Db } from '../db/index';
import { insertSession, memberByEmail, sessionByTokenHash } from '../db/repositories/members';
import { hitRateLimit } from '../db/repositories/workspace';
import { DUMMY_HASH, newToken, tokenHash, verifyPassword } from './crypto';

export type Principal = {
  readonly memberId: string;
  readonly sessionId: string;
  readonly role: Role;
  readonly name: string;
};

export type LoginLimits = { readonly perIpPerMinute: number; readonly perAccountPerMinute: number };

export async function login(
  db: Db,
  input: { email: string; password: string; deviceName: string; ip: string },
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

/** The principal behind a token, or null when it is unknown, revoked or its member deactivated. */
export async function authenticate(db: Db, token: string): Promise<Principal | null> {
  if (token.length < 20 || token.length > 200) return null;
  const found = await sessionByTokenHash(db, tokenHash(token));
  if (!found || !found.member.active) return null;
  return { memberId: found.member.id, sessionId: found.session.id, role: found.member.role, name: found.member.name };
}
