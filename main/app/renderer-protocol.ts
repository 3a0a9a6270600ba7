import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, resolveStaticPath } from '../core/renderer-assets';
import { APP_HOST } from './navigation';

const SECURITY_HEADERS = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };

/** Reads a file's bytes; injectable so tests can count what the handler reads. */
export type ReadBytes = (file: string) => Promise<Uint8Array<ArrayBuffer>>;

/**
 * A `..` segment that survived URL parsing came encoded (`..%2f`, `%2e%2e%5c`): no link of
 * ours produces one, so it is refused outright instead of being normalised into the bundle.
 */
function hasDotDotSegment(pathname: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return true;
  }
  return decoded.split(/[/\\]/).includes('..');
}

/**
 * Serves app://bundle/<path> from the built renderer, with the same CSP as the host.
 * A custom scheme instead of file:// keeps the page off the file system's origin.
 * Missing assets are 404s; other paths are client-side routes and get index.html; nothing
 * outside rendererDir is ever read.
 */
export async function handleRendererRequest(
  rendererDir: string,
  url: string,
  read: ReadBytes = readFile,
): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (parsed.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const file = hasDotDotSegment(parsed.pathname) ? null : resolveStaticPath(rendererDir, parsed.pathname);
  if (file === null) return new Response('Bad path', { status: 400, headers: SECURITY_HEADERS });
  const body = await readOrNull(read, file);
  if (body !== null) return fileResponse(body, MIME_TYPES[extname(file)] ?? 'application/octet-stream');
  if (extname(file) !== '') return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  const index = await readOrNull(read, join(rendererDir, 'index.html'));
  // Without a built renderer there is no app shell to fall back to.
  if (index === null) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
  return fileResponse(index, 'text/html; charset=utf-8');
}

async function readOrNull(read: ReadBytes, file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  try {
    return await read(file);
  } catch {
    return null;
  }
}

function fileResponse(body: Uint8Array<ArrayBuffer>, contentType: string): Response {
  return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': contentType } });
}
