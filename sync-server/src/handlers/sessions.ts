/**
 * A member's devices: list them and sign one out. Members manage their own sessions;
 * admins (sessions.manage) any member's. See docs/protocol.md "Sessions and devices".
 */
import { can } from '../../../common/permissions';
import type { WireSession } from '../../../common/protocol-sessions';
import { CommandError } from '../../../common/result';
import { isExpired } from '../auth/expiry';
import { liveSessionsOf, revokeSession, sessionById } from '../db/repositories/members';
import { insertAudit } from '../db/repositories/workspace';
import type { Services } from './context';
import type { HandlerTable } from './dispatch';
import { rooms } from './rooms';

export function sessionHandlers(services: Services): Pick<HandlerTable, 'session:list' | 'session:revoke'> {
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
  };
}
