import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CONTENT_SECURITY_POLICY, MIME_TYPES, resolveStaticPath } from '../core/renderer-assets';
import { APP_HOST } from './navigation';

/**
 * Serves app://bundle/<path> from the built renderer, with the same CSP as the host.
 * A custom scheme instead of file:// keeps the page off the file system's origin.
 */
export async function handleRendererRequest(rendererDir: string, url: string): Promise<Response> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (parsed.host !== APP_HOST) return new Response('Not found', { status: 404 });
  const file = resolveStaticPath(rendererDir, parsed.pathname);
  if (file === null) return new Response('Bad path', { status: 400 });
  const headers = { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' };
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: { ...headers, 'Content-Type': MIME_TYPES[extname(file)] ?? 'application/octet-stream' },
    });
  } catch {
    // Client-side routes fall back to the app shell; missing assets are 404s.
    if (extname(file) !== '') return new Response('Not found', { status: 404, headers });
    const index = await readFile(resolveStaticPath(rendererDir, '/index.html') ?? '');
    return new Response(index, { headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
  }
}
