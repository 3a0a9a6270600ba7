/**
 * Who may use the host: its token and a loopback Host header. Shared by the socket bridge
 * and the upload route, and kept apart from socket.io so the upload route (loaded before
 * the host listens) does not load it (#23).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison, so the token cannot be guessed byte by byte from timings. */
export function tokenMatches(expected: string, given: unknown): boolean {
  return typeof given === 'string' && timingSafeEqual(digest(expected), digest(given));
}

/**
 * Only pages served by this host may open the bridge: a Host header naming another name
 * is a DNS-rebinding attempt, whatever token it carries.
 */
export function isLoopbackHost(req: IncomingMessage): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(host);
}
