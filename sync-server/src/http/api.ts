/**
 * The small HTTP API beside the socket: sign-in and sign-out, health, metrics and the
 * content-addressed media store. Every body is size-limited and parsed with zod.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { canSeeChat } from '../../../common/permissions';
import type { Viewer } from '../../../common/permissions';
import { loginSchema } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { ErrorCode } from '../../../common/result';
import { authenticate, login } from '../auth/sessions';
import type { Principal } from '../auth/sessions';
import { chatsWithMedia, messageWithMedia } from '../db/repositories/chats';
import { accountIdsOfMember, getSettings, revokeSession } from '../db/repositories/members';
import { accountById, accountsHostedBy, blobBySha, insertBlob } from '../db/repositories/workspace';
import type { Services } from '../handlers/context';
import { rooms } from '../handlers/rooms';

export type Readiness = () => Promise<Record<string, 'ok' | string>>;

const STATUS: Record<ErrorCode, number> = {
  unknown_command: 404,
  invalid_args: 400,
  payload_too_large: 413,
  forbidden: 403,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  details?: unknown,
): void {
  send(
    res,
    STATUS[code],
    { ok: false, error: details === undefined ? { code, message } : { code, message, details } },
    headers,
  );
}

async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > maxBytes) throw new CommandError('payload_too_large', `body exceeds ${maxBytes} bytes`);
    chunks.push(b);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new CommandError('invalid_args', 'body is not JSON');
  }
}

async function bearer(services: Services, req: IncomingMessage): Promise<Principal> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const principal = token ? await authenticate(services.db, token) : null;
  if (!principal) throw new CommandError('unauthenticated', 'sign in first');
  return principal;
}

export const blobPath = (blobDir: string, sha: string) => join(blobDir, sha.slice(0, 2), sha.slice(2, 4), sha);

async function putBlob(services: Services, req: IncomingMessage, res: ServerResponse, sha: string): Promise<void> {
  const principal = await bearer(services, req);
  // Only a device hosting an account that has a message with these bytes may upload them.
  const message = await messageWithMedia(services.db, sha);
  const hosted = await accountsHostedBy(services.db, principal.sessionId);
  if (!message || !hosted.includes(message.accountId))
    throw new CommandError('forbidden', 'no message of your accounts refers to this media');
  const length = Number(req.headers['content-length'] ?? '0');
  if (length > services.limits.maxBlobBytes) throw new CommandError('payload_too_large', 'media too large');
  const target = blobPath(services.blobDir, sha);
  await mkdir(join(services.blobDir, 'tmp'), { recursive: true });
  const tmp = join(services.blobDir, 'tmp', randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  const out = createWriteStream(tmp);
  try {
    for await (const chunk of req) {
      const b = chunk as Buffer;
      size += b.length;
      if (size > services.limits.maxBlobBytes) throw new CommandError('payload_too_large', 'media too large');
      hash.update(b);
      if (!out.write(b)) await new Promise<void>(r => out.once('drain', () => r()));
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    if (hash.digest('hex') !== sha) throw new CommandError('invalid_args', 'the bytes do not match their sha-256');
    await mkdir(join(target, '..'), { recursive: true });
    await rename(tmp, target);
  } catch (err) {
    out.destroy();
    await rm(tmp, { force: true });
    throw err;
  }
  const mime =
    typeof req.headers['content-type'] === 'string'
      ? req.headers['content-type'].slice(0, 200)
      : 'application/octet-stream';
  await insertBlob(services.db, { sha256: sha, size, mimeType: mime, now: Date.now() });
  send(res, 201, { ok: true, value: { sha256: sha, size } });
}

async function getBlob(services: Services, req: IncomingMessage, res: ServerResponse, sha: string): Promise<void> {
  const principal = await bearer(services, req);
  const [chats, accountIds, settings] = await Promise.all([
    chatsWithMedia(services.db, sha),
    accountIdsOfMember(services.db, principal.memberId),
    getSettings(services.db),
  ]);
  const viewer: Viewer = {
    id: principal.memberId as Viewer['id'],
    role: principal.role,
    active: true,
    accountIds: new Set(accountIds),
  };
  // Unknown media and media of chats one may not see answer the same.
  if (!chats.some(c => canSeeChat(viewer, c, settings))) throw new CommandError('not_found', 'no such media');
  const blob = await blobBySha(services.db, sha);
  if (!blob) {
    const message = await messageWithMedia(services.db, sha);
    const account = message ? await accountById(services.db, message.accountId) : undefined;
    if (message && account?.hostDeviceId) {
      services.io.to(rooms.device(account.hostDeviceId)).emit('media:requested', {
        sha256: sha,
        accountId: message.accountId,
        providerMessageId: message.providerMessageId,
      });
    }
    return sendError(res, 'unavailable', 'the host device was asked to upload this media; retry shortly', {
      'retry-after': '2',
    });
  }
  const path = blobPath(services.blobDir, sha);
  const info = await stat(path);
  res.writeHead(200, {
    'content-type': blob.mimeType,
    'content-length': String(info.size),
    'cache-control': 'private, max-age=31536000, immutable',
  });
  createReadStream(path).pipe(res);
}

export function createHttpHandler(services: Services, readiness: Readiness) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    try {
      if (req.method === 'GET' && path === '/healthz') return send(res, 200, { ok: true });
      if (req.method === 'GET' && path === '/readyz') {
        const checks = await readiness();
        const ready = Object.values(checks).every(v => v === 'ok');
        return send(res, ready ? 200 : 503, { ok: ready, checks });
      }
      if (req.method === 'GET' && path === '/metrics') {
        const text = await services.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': services.metrics.registry.contentType });
        res.end(text);
        return;
      }
      if (req.method === 'POST' && path === '/api/login') {
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
              mfaKey: services.mfaKey,
            },
          );
          services.metrics.logins.inc({ outcome: 'ok' });
          return send(res, 200, { ok: true, value: session });
        } catch (err) {
          services.metrics.logins.inc({ outcome: err instanceof CommandError ? err.code : 'internal' });
          throw err;
        }
      }
      if (req.method === 'POST' && path === '/api/logout') {
        const principal = await bearer(services, req);
        await revokeSession(services.db, principal.sessionId, Date.now());
        services.io.in(rooms.device(principal.sessionId)).disconnectSockets(true);
        return send(res, 200, { ok: true, value: null });
      }
      const blob = /^\/api\/blobs\/([0-9a-f]{64})$/.exec(path);
      if (blob?.[1] && req.method === 'PUT') return await putBlob(services, req, res, blob[1]);
      if (blob?.[1] && req.method === 'GET') return await getBlob(services, req, res, blob[1]);
      return sendError(res, 'not_found', 'no such endpoint');
    } catch (err) {
      // details.reason tells a client what to do next (e.g. 'mfa_required': ask for the code).
      if (err instanceof CommandError) return sendError(res, err.code, err.message, {}, err.details);
      services.log.error({ err, path }, 'http request failed');
      if (!res.headersSent) sendError(res, 'internal', 'the server could not complete this request');
      else res.destroy();
    }
  };
}
