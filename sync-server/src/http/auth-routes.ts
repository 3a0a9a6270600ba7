/**
 * Sign-in, sign-out and password reset: the account routes of the HTTP API
 * (docs/protocol.md "Sign-in"), as entries of the one route table (routes.ts).
 */
import type { IncomingMessage } from 'node:http';
import { loginSchema } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { passwordResetSchema } from '../../../common/protocol-sessions';
import { resetWithCode } from '../auth/reset';
import { login } from '../auth/sessions';
import { revokeSession } from '../db/repositories/members';
import { insertAudit } from '../db/repositories/workspace';
import { rooms } from '../handlers/rooms';
import { bearer, readJson, send } from './respond';
import type { Route, RouteContext } from './route';

/**
 * The client's address: the socket's peer. X-Forwarded-For is anyone's to write, so it is
 * read only when TRUST_PROXY says a reverse proxy in front sets it (its first entry).
 */
export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  const ip = trustProxy && first ? first : (req.socket.remoteAddress ?? 'unknown');
  return ip.slice(0, 64);
}

async function signIn({ services, req, res }: RouteContext): Promise<void> {
  const parsed = loginSchema.safeParse(await readJson(req, 4096));
  if (!parsed.success) throw new CommandError('invalid_args', 'email, password and deviceName are required');
  const ip = clientIp(req, services.trustProxy);
  try {
    const session = await login(
      services.db,
      { ...parsed.data, ip },
      {
        perIpPerMinute: services.limits.loginPerIpPerMinute,
        perAccountPerMinute: services.limits.loginPerAccountPerMinute,
        hash: services.hashParams,
        mfaKey: services.mfaKey,
      },
      services.sessionPolicy.now(),
    );
    services.metrics.logins.inc({ outcome: 'ok' });
    send(res, 200, { ok: true, value: session });
  } catch (err) {
    services.metrics.logins.inc({ outcome: err instanceof CommandError ? err.code : 'internal' });
    throw err;
  }
}

async function resetPassword({ services, req, res }: RouteContext): Promise<void> {
  const parsed = passwordResetSchema.safeParse(await readJson(req, 4096));
  if (!parsed.success)
    throw new CommandError('invalid_args', 'email, code, newPassword (10+ characters) and deviceName are required');
  const session = await resetWithCode(
    services.db,
    { ...parsed.data, ip: clientIp(req, services.trustProxy) },
    {
      perIpPerMinute: services.limits.loginPerIpPerMinute,
      perAccountPerMinute: services.limits.loginPerAccountPerMinute,
      hash: services.hashParams,
      mfaKey: services.mfaKey,
    },
    services.sessionPolicy.now(),
  );
  send(res, 200, { ok: true, value: session });
}

async function signOut({ services, req, res }: RouteContext): Promise<void> {
  const principal = await bearer(services, req);
  const now = services.sessionPolicy.now();
  await revokeSession(services.db, principal.sessionId, now);
  await insertAudit(services.db, {
    memberId: principal.memberId,
    deviceId: principal.sessionId,
    action: 'session.sign_out',
    chatId: null,
    before: null,
    after: null,
    at: now,
  });
  services.io.in(rooms.device(principal.sessionId)).disconnectSockets(true);
  send(res, 200, { ok: true, value: null });
}

export const AUTH_ROUTES: readonly Route[] = [
  { method: 'POST', path: '/api/login', handle: signIn },
  { method: 'POST', path: '/api/logout', handle: signOut },
  { method: 'POST', path: '/api/password/reset', handle: resetPassword },
];
