/**
 * One delivery attempt: the body signed with the endpoint's secret, POSTed with a timeout,
 * through a DNS lookup that refuses private addresses (address.ts). Redirects are not
 * followed (a 3xx is a failure), so a public URL cannot bounce the request inward. The
 * outcome is data; nothing a receiver does can throw out of here.
 */
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Agent as HttpAgent } from 'node:http';
import type { AddressPolicy } from './address';
import { guardedLookup, targetRefusal } from './address';

/** `Blazz-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the secret>`. */
export function signature(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type SendOutcome =
  | { readonly ok: true; readonly status: number; readonly latencyMs: number }
  | {
      readonly ok: false;
      readonly status: number | null;
      readonly latencyMs: number;
      readonly error: 'timeout' | 'network' | 'http_status' | 'refused_address';
    };

export type SendInput = {
  readonly url: string;
  readonly secret: string;
  readonly body: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly nowMs: number;
  readonly timeoutMs: number;
  readonly policy: AddressPolicy;
};

/** Keep-alive agents: a busy endpoint gets its deliveries over a few reused connections. */
export type Agents = { readonly http: HttpAgent; readonly https: HttpsAgent; destroy(): void };
export function createAgents(policy: AddressPolicy, maxSockets: number): Agents {
  const lookup = guardedLookup(policy);
  const http = new HttpAgent({ keepAlive: true, maxSockets, lookup } as ConstructorParameters<typeof HttpAgent>[0]);
  const https = new HttpsAgent({ keepAlive: true, maxSockets, lookup } as ConstructorParameters<typeof HttpsAgent>[0]);
  return { http, https, destroy: () => (http.destroy(), https.destroy()) };
}

/** Most bytes of a response read (and thrown away) before the connection is given back. */
const MAX_RESPONSE_BYTES = 64 * 1024;

export async function sendOnce(input: SendInput, agents: Agents): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(input.url);
  // Literal addresses skip DNS: checked here. Names are checked in the agents' lookup.
  const refusal = await targetRefusal(url, { allowPrivate: input.policy.allowPrivate || !isLiteral(url) });
  if (refusal) return { ok: false, status: null, latencyMs: elapsed(), error: 'refused_address' };
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(input.body)),
    'user-agent': 'BlazzDesk-Webhooks/1',
    'blazz-event-id': input.eventId,
    'blazz-event-type': input.eventType,
    'blazz-signature': signature(input.secret, input.body, Math.floor(input.nowMs / 1000)),
  };
  const isHttps = url.protocol === 'https:';
  return new Promise<SendOutcome>(resolve => {
    let settled = false;
    const done = (o: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const req = (isHttps ? httpsRequest : httpRequest)(
      url,
      { method: 'POST', headers, agent: isHttps ? agents.https : agents.http },
      res => {
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) res.destroy();
        });
        const status = res.statusCode ?? 0;
        const finish = () =>
          done(
            status >= 200 && status < 300
              ? { ok: true, status, latencyMs: elapsed() }
              : { ok: false, status, latencyMs: elapsed(), error: 'http_status' },
          );
        res.on('end', finish);
        res.on('close', finish);
        res.on('error', finish);
      },
    );
    const timer = setTimeout(() => {
      done({ ok: false, status: null, latencyMs: elapsed(), error: 'timeout' });
      req.destroy();
    }, input.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) =>
      done({
        ok: false,
        status: null,
        latencyMs: elapsed(),
        error: err.code === 'ERR_WEBHOOK_REFUSED_ADDRESS' ? 'refused_address' : 'network',
      }),
    );
    req.end(input.body);
  });
}

function isLiteral(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return /^[\d.]+$/.test(host) || host.includes(':');
}
