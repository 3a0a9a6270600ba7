/**
 * Every HTTP route of the server, in ONE table: the dispatcher (api.ts) serves it and the
 * HTTP fuzz test iterates it, so a route added here is fuzzed without touching the test.
 * Add a route with one line (or spread a table from its own file).
 */
import { loginSchema } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { login } from '../auth/sessions';
import { revokeSession } from '../db/repositories/members';
import { rooms } from '../handlers/rooms';
import { getBlob, putBlob } from './blobs';
import { bearer, readJson, send, sendError } from './respond';
import type { Route, RouteContext } from './route';

const SHA256 = /^[0-9a-f]{64}$/;

async function readyz({ readiness, res }: RouteContext): Promise<void> {
  const checks = await readiness();
  const ready = Object.values(checks).every(v => v === 'ok');
  send(res, ready ? 200 : 503, { ok: ready, checks });
}

async function metrics({ services, res }: RouteContext): Promise<void> {
  const text = await services.metrics.registry.metrics();
  if (res.headersSent) return;
  res.writeHead(200, { 'content-type': services.metrics.registry.contentType });
  res.end(text);
}

async function signIn({ services, req, res }: RouteContext): Promise<void> {
  const parsed = loginSchema.safeParse(await readJson(req, 4096));
  if (!parsed.success) return sendError(res, 'invalid_args', 'email, password and deviceName are required');
  const ip = req.socket.remoteAddress ?? 'unknown';
  try {
    const session = await login(
      services.db,
      { ...parsed.data, ip },
      {
        perIpPerMinute: services.limits.loginPerIpPerMinute,
        perAccountPerMinute: services.limits.loginPerAccountPerMinute,
      },
    );
    services.metrics.logins.inc({ outcome: 'ok' });
    send(res, 200, { ok: true, value: session });
  } catch (err) {
    services.metrics.logins.inc({ outcome: err instanceof CommandError ? err.code : 'internal' });
    throw err;
  }
}

async function signOut({ services, req, res }: RouteContext): Promise<void> {
  const principal = await bearer(services, req);
  await revokeSession(services.db, principal.sessionId, Date.now());
  services.io.in(rooms.device(principal.sessionId)).disconnectSockets(true);
  send(res, 200, { ok: true, value: null });
}

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/healthz', handle: ({ res }) => send(res, 200, { ok: true }) },
  { method: 'GET', path: '/readyz', handle: readyz },
  { method: 'GET', path: '/metrics', handle: metrics },
  { method: 'POST', path: '/api/login', handle: signIn },
  { method: 'POST', path: '/api/logout', handle: signOut },
  {
    method: 'PUT',
    path: '/api/blobs/:sha256',
    params: { sha256: SHA256 },
    handle: c => putBlob(c.services, c.req, c.res, c.params['sha256'] ?? ''),
  },
  {
    method: 'GET',
    path: '/api/blobs/:sha256',
    params: { sha256: SHA256 },
    handle: c => getBlob(c.services, c.req, c.res, c.params['sha256'] ?? ''),
  },
];
