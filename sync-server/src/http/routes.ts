/**
 * Every HTTP route of the server, in ONE table: the dispatcher (api.ts) serves it and the
 * HTTP fuzz test iterates it, so a route added here is fuzzed without touching the test.
 * Add a route with one line (or spread a table from its own file).
 */
import { AUTH_ROUTES } from './auth-routes';
import { getBlob, putBlob } from './blobs';
import { send } from './respond';
import { getSendAttachment, putUpload } from './uploads';
import type { Route, RouteContext } from './route';
import { REST_ROUTES } from './rest/routes';
import { CLOUD_ROUTES } from '../cloud/webhook-routes';

const SHA256 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/healthz', handle: ({ res }) => send(res, 200, { ok: true }) },
  { method: 'GET', path: '/readyz', handle: readyz },
  { method: 'GET', path: '/metrics', handle: metrics },
  ...AUTH_ROUTES,
  ...REST_ROUTES,
  ...CLOUD_ROUTES,
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
  {
    method: 'PUT',
    path: '/api/uploads/:sha256',
    params: { sha256: SHA256 },
    handle: c => putUpload(c.services, c.req, c.res, c.params['sha256'] ?? ''),
  },
  {
    method: 'GET',
    path: '/api/sends/:clientMessageId/attachment',
    params: { clientMessageId: UUID },
    handle: c => getSendAttachment(c.services, c.req, c.res, c.params['clientMessageId'] ?? ''),
  },
];
