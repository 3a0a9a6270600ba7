/**
 * A member's devices: list them and sign one out (members their own, admins any member's),
 * and changing one's own password. See docs/protocol.md "Sessions and devices".
 */
import { can } from '../../../common/permissions';
import type { WireSession } from '../../../common/protocol-sessions';
import { CommandError } from '../../../common/result';
import { isExpired } from '../auth/expiry';
import { hashPassword, verifyPassword } from '../auth/crypto';
import { RESET_VALID_MS, newResetCode, resetCodeHash } from '../auth/reset';
import { saveReset } from '../db/repositories/lockout';
import { requireCapability } from './access';
import {
  liveSessionsOf,
  memberById,
  revokeOtherSessions,
  revokeSession,
  revokeSessionsOfMember,
  sessionById,
  updateMember,
} from '../db/repositories/members';
import { hitRateLimit, insertAudit } from '../db/repositories/workspace';
import type { Services } from './context';
import type { HandlerTable } from './dispatch';
import { rooms } from './rooms';

/** Wrong current passwords a member may try per minute when changing theirs. */
const PASSWORD_CHANGES_PER_MINUTE = 10;

export function sessionHandlers(
  services: Services,
): Pick<HandlerTable, 'session:list' | 'session:revoke' | 'password:change' | 'password:reset-start'> {
  const { db, io, sessionPolicy } = services;
  return {
    'session:list': async (caller, { memberId }) => {
      const whose = memberId ?? caller.memberId;
      if (whose !== caller.memberId && !can(caller.role, 'sessions.manage'))
        throw new CommandError('forbidden', "only admins see another member's devices");
      const rows = await liveSessionsOf(db, whose);
      return rows
        .filter(s => !isExpired(sessionPolicy, s))
        .map((s): WireSession => ({
          id: s.id,
          memberId: s.memberId,
          deviceName: s.deviceName,
          platform: s.platform,
          ip: s.ip,
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          current: s.id === caller.sessionId,
        }));
    },

    'session:revoke': async (caller, { sessionId }) => {
      const session = await sessionById(db, sessionId);
      // Another member's session looks the same as none to whoever may not manage it.
      if (!session || (session.memberId !== caller.memberId && !can(caller.role, 'sessions.manage')))
        throw new CommandError('not_found', 'no such session');
      const now = sessionPolicy.now();
      if (session.revokedAt === null) {
        await revokeSession(db, sessionId, now);
        await insertAudit(db, {
          memberId: session.memberId,
          deviceId: sessionId,
          action: 'session.revoke',
          chatId: null,
          before: null,
          after: { by: caller.memberId },
          at: now,
        });
      }
      io.in(rooms.device(sessionId)).disconnectSockets(true);
      return { sessionId };
    },

    'password:change': async (caller, { currentPassword, newPassword }) => {
      const now = sessionPolicy.now();
      // A stolen, unlocked desktop must not turn into unlimited guesses at the password.
      if ((await hitRateLimit(db, `password-change:${caller.memberId}`, 60_000, now)) > PASSWORD_CHANGES_PER_MINUTE)
        throw new CommandError('rate_limited', 'too many attempts; wait a minute');
      const member = await memberById(db, caller.memberId);
      if (!member || !(await verifyPassword(currentPassword, member.passwordHash)))
        throw new CommandError('forbidden', 'the current password is wrong', { reason: 'wrong_password' });
      if (newPassword === currentPassword)
        throw new CommandError('invalid_args', 'the new password equals the current one', { reason: 'same_password' });
      await updateMember(db, caller.memberId, { passwordHash: await hashPassword(newPassword, services.hashParams) });
      // Whoever knew the old password may hold another session: those end, this one stays.
      const revoked = await revokeOtherSessions(db, caller.memberId, caller.sessionId, now);
      for (const r of revoked) io.in(rooms.device(r.id)).disconnectSockets(true);
      // Sessions that had expired already are ended too, but the member is told about live devices only.
      const ended = revoked.filter(r => !isExpired(sessionPolicy, r));
      await insertAudit(db, {
        memberId: caller.memberId,
        deviceId: caller.sessionId,
        action: 'password.change',
        chatId: null,
        before: null,
        after: { signedOut: ended.length },
        at: now,
      });
      return { signedOut: ended.length };
    },

    'password:reset-start': async (caller, { memberId }) => {
      requireCapability(caller, 'members.manage');
      // An admin changes their own password with password:change, which keeps their device.
      if (memberId === caller.memberId)
        throw new CommandError('invalid_args', 'use password:change for your own password', { reason: 'self' });
      const member = await memberById(db, memberId);
      if (!member || !member.active) throw new CommandError('not_found', 'no such active member');
      const now = sessionPolicy.now();
      const code = newResetCode();
      const expiresAt = now + RESET_VALID_MS;
      await saveReset(db, { memberId, codeHash: resetCodeHash(code), expiresAt, createdBy: caller.memberId, now });
      // Whoever holds the member's devices may be why the reset was asked for: they all sign out.
      await revokeSessionsOfMember(db, memberId, now);
      io.in(rooms.member(memberId)).disconnectSockets(true);
      await insertAudit(db, {
        memberId,
        deviceId: null,
        action: 'password.reset_started',
        chatId: null,
        before: null,
        after: { by: caller.memberId },
        at: now,
      });
      return { code, expiresAt };
    },
  };
}
