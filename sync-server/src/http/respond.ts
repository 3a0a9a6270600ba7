/**
 * Replies, body reading and bearer authentication shared by every HTTP route. A reply is
 * never written twice: once headers are out (a stream failed half-way), the only safe
 * thing left is to cut the connection.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CommandError } from '../../../common/result';
import type { ErrorCode } from '../../../common/result';
import { authenticate } from '../auth/sessions';
import type { Principal } from '../auth/sessions';
import type { Services } from '../handlers/context';

export const STATUS: Record<ErrorCode, number> = {
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
  too_late: 409,
  unsupported: 422,
  lid_only: 422,
  internal: 500,
};

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return void res.destroy();
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
  details?: unknown,
): void {
  // details: what the client must act on (a lockout's retryAfterSeconds, say), as on the socket.
  const error = { code, message, ...(details === undefined ? {} : { details }) };
  send(res, STATUS[code], { ok: false, error }, headers);
}

export async function readJson(req: IncomingMessage, maxBytes: number): Promise<unknown> {
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

export async function bearer(services: Services, req: IncomingMessage): Promise<Principal> {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const principal = token ? await authenticate(services.db, token, services.sessionPolicy) : null;
  if (!principal) throw new CommandError('unauthenticated', 'sign in first');
  return principal;
}
