/**
 * Sign-in, sign-out and the other account routes of the HTTP API (docs/protocol.md
 * "Sign-in"). api.ts hands every request here first; a route that is not ours answers null.
 */
import type { IncomingMessage } from 'node:http';
import { loginSchema } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { passwordResetSchema } from '../../../common/protocol-sessions';
import { resetWithCode } from '../auth/reset';
import { login } from '../auth/sessions';
import type { Principal } from '../auth/sessions';
import { revokeSession } from '../db/repositories/members';
import { insertAudit } from '../db/repositories/workspace';
import type { Services } from '../handlers/context';
import { rooms } from '../handlers/rooms';

/** What api.ts lends the routes: its size-limited JSON reader and its bearer check. */
export type HttpKit = {
  readonly readJson: (req: IncomingMessage, maxBytes: number) => Promise<unknown>;
  readonly bearer: (req: IncomingMessage) => Promise<Principal>;
};

export type RouteAnswer = { readonly status: number; readonly body: unknown };

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

async function signIn(services: Services, req: IncomingMessage, kit: HttpKit): Promise<RouteAnswer> {
  const parsed = loginSchema.safeParse(await kit.readJson(req, 4096));
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
      },
      services.sessionPolicy.now(),
    );
    services.metrics.logins.inc({ outcome: 'ok' });
    return { status: 200, body: { ok: true, value: session } };
  } catch (err) {
    services.metrics.logins.inc({ outcome: err instanceof CommandError ? err.code : 'internal' });
    throw err;
  }
}

async function resetPassword(services: Services, req: IncomingMessage, kit: HttpKit): Promise<RouteAnswer> {
  const parsed = passwordResetSchema.safeParse(await kit.readJson(req, 4096));
  if (!parsed.success)
    throw new CommandError('invalid_args', 'email, code, newPassword (10+ characters) and deviceName are required');
  const session = await resetWithCode(
    services.db,
    { ...parsed.data, ip: clientIp(req, services.trustProxy) },
    {
      perIpPerMinute: services.limits.loginPerIpPerMinute,
      perAccountPerMinute: services.limits.loginPerAccountPerMinute,
      hash: services.hashParams,
    },
    services.sessionPolicy.now(),
  );
  return { status: 200, body: { ok: true, value: session } };
}

async function signOut(services: Services, req: IncomingMessage, kit: HttpKit): Promise<RouteAnswer> {
  const principal = await kit.bearer(req);
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
  return { status: 200, body: { ok: true, value: null } };
}

export async function authRoute(
  services: Services,
  req: IncomingMessage,
  path: string,
  kit: HttpKit,
): Promise<RouteAnswer | null> {
  if (req.method !== 'POST') return null;
  if (path === '/api/login') return signIn(services, req, kit);
  if (path === '/api/logout') return signOut(services, req, kit);
  if (path === '/api/password/reset') return resetPassword(services, req, kit);
  return null;
}
