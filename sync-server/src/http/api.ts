/**
 * The small HTTP API beside the socket: the dispatcher over the route table (routes.ts).
 * Every request is hostile: nothing in it may throw outside a try, no reply is written
 * twice, and malformed HTTP (which never reaches a route) gets a 400 and a closed socket.
 * Socket.IO's own paths never come here: engine.io answers them (see app.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { CommandError } from '../../../common/result';
import type { Services } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';
import type { ServerLog } from '../log';
import { sendError } from './respond';
import type { Readiness } from './route';
import { matchPath } from './route';
import { ROUTES } from './routes';

export type { Readiness } from './route';

/** The path of a request target, or null when it is not one we serve (`*`, `http://[`…). */
function pathOf(target: string | undefined): string | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  try {
    return new URL(target, 'http://localhost').pathname;
  } catch {
    return null;
  }
}

/** An answer given before the request's body was read closes the connection: a body that may never come is not waited for. */
const closeUnread = (req: IncomingMessage): Record<string, string> => (req.complete ? {} : { connection: 'close' });

async function dispatch(
  services: Services,
  readiness: Readiness,
  handlers: HandlerTable,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const path = pathOf(req.url);
  if (path === null) return sendError(res, 'invalid_args', 'malformed request target');
  for (const route of ROUTES) {
    if (route.method !== req.method) continue;
    const params = matchPath(route, path);
    if (params) return await route.handle({ services, readiness, handlers, req, res, params });
  }
  sendError(res, 'not_found', 'no such endpoint', closeUnread(req));
}

export function createHttpHandler(services: Services, readiness: Readiness, handlers: HandlerTable) {
  const fail = (req: IncomingMessage, res: ServerResponse, err: unknown) => {
    const url = req.url;
    if (err instanceof CommandError) return sendError(res, err.code, err.message, closeUnread(req), err.details);
    // A reply already under way failed (most often the client went away mid-download).
    if (res.headersSent) {
      services.log.debug({ err, url: url?.slice(0, 200) }, 'http reply cut short');
      return void res.destroy();
    }
    services.log.error({ err, url: url?.slice(0, 200) }, 'http request failed');
    sendError(res, 'internal', 'the server could not complete this request');
  };
  // Returns nothing to await: a rejected promise here would be unhandled and end the process.
  return (req: IncomingMessage, res: ServerResponse): void => {
    dispatch(services, readiness, handlers, req, res)
      .catch((err: unknown) => fail(req, res, err))
      .catch(() => res.destroy());
  };
}

/** Whether a response of this connection has started (Node keeps it on the socket). */
function responding(socket: Duplex): boolean {
  const current: unknown = (socket as Duplex & { _httpMessage?: unknown })._httpMessage;
  return typeof current === 'object' && current !== null && 'headersSent' in current && current.headersSent === true;
}

/** What Node's parser could not read (bad request line, huge headers, timeouts) gets an answer and a close. */
export function createClientErrorHandler(log: ServerLog) {
  return (err: NodeJS.ErrnoException, socket: Duplex): void => {
    log.debug({ code: err.code }, 'malformed http request');
    // A peer that resets while we answer must not raise an unhandled socket error.
    socket.on('error', () => socket.destroy());
    // Node's own rule: no status line in the middle of a response already on its way.
    if (err.code === 'ECONNRESET' || !socket.writable || responding(socket)) return void socket.destroy();
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  };
}
