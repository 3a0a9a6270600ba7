/**
 * protocol: privileged schemes and protocol.handle. Chromium cannot be given a new URL
 * scheme from outside, so a page loads app://bundle/x as https://bundle.app.electron-double.invalid/x,
 * every request to that origin is intercepted (Playwright route) and answered by the
 * handler main registered, with the original app:// URL: the handler's Response is what
 * the page gets. The page's own location shows the mapped URL; main sees app:// URLs.
 */
const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
const privileged = new Set<string>();
const MAPPED = /^https:\/\/([^/]*)\.([a-z][a-z0-9+.-]*)\.electron-double\.invalid(\/.*)?$/;

export const protocol = {
  registerSchemesAsPrivileged(schemes: ReadonlyArray<{ scheme: string }>): void {
    if (readyState.ready) throw new Error('protocol.registerSchemesAsPrivileged must be called before app is ready');
    for (const s of schemes) privileged.add(s.scheme);
  },
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (!readyState.ready) throw new Error('protocol.handle can only be used after app is ready');
    if (handlers.has(scheme)) throw new Error(`The scheme "${scheme}" is already handled`);
    handlers.set(scheme, handler);
  },
  unhandle(scheme: string): void {
    handlers.delete(scheme);
  },
  isProtocolHandled: (scheme: string): boolean => handlers.has(scheme),
};

/** Set by app when 'ready' fires (schemes must be registered before). */
export const readyState = { ready: false };

/** app://bundle/x → the https URL Chromium loads; null for schemes Chromium knows. */
export function toPageUrl(url: string): string | null {
  const u = new URL(url);
  const scheme = u.protocol.slice(0, -1);
  if (['http', 'https', 'about', 'data', 'blob'].includes(scheme)) return url;
  if (!privileged.has(scheme) && !handlers.has(scheme)) return null;
  return `https://${u.host}.${scheme}.electron-double.invalid${u.pathname}${u.search}${u.hash}`;
}

/** The reverse, for what main sees (frame URLs, will-navigate). */
export function fromPageUrl(url: string): string {
  const m = MAPPED.exec(url);
  return m ? `${m[2]}://${m[1]}${m[3] ?? '/'}` : url;
}

export function isMappedUrl(url: string): boolean {
  return MAPPED.test(url);
}

/** Answers one intercepted request through main's handler (null: no handler, the load fails). */
export async function serve(pageUrl: string, method: string, headers: Record<string, string>) {
  const url = fromPageUrl(pageUrl);
  const handler = handlers.get(new URL(url).protocol.slice(0, -1));
  if (!handler) return null;
  const response = await handler(new Request(url, { method, headers }));
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: Buffer.from(await response.arrayBuffer()),
  };
}
