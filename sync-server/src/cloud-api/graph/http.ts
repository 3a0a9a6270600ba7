/**
 * One Graph API call: bearer token, a timeout per try, bounded reads, and retries with
 * exponential back-off and full jitter ONLY for answers that say "later" (5xx, 429, Meta's
 * rate-limit and outage codes), honouring Retry-After. A timeout or a dropped connection is
 * not retried here: a send may have reached Meta, and Graph has no idempotency key.
 */
import { mapGraphError } from './errors';
import type { StreamBody } from './multipart';
import type { GraphConfig, GraphError, GraphResult } from './types';
import { graphFail, graphOk } from './types';

export type GraphCall = {
  readonly method: 'GET' | 'POST';
  readonly url: string;
  readonly json?: unknown;
  /** A streamed body (the media upload), opened anew for each try. */
  readonly stream?: StreamBody;
  /** This call's timeout per try, when the default is too short (a large upload). */
  readonly timeoutMs?: number;
};

export type Bytes = { readonly bytes: Uint8Array; readonly mime: string };

const DEFAULTS = { attempts: 3, baseDelayMs: 500, maxDelayMs: 10_000, timeoutMs: 15_000 };
/** A JSON answer larger than this is not Meta's: refused rather than buffered. */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;
const USER_AGENT = 'BlazzDesk-CloudAPI/1';

type Settled<T> = GraphResult<T> & { readonly retryAfterMs?: number | null; readonly fromAnswer?: boolean };

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d{1,6}$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

async function readCapped(res: Response, limit: number, signal: AbortSignal): Promise<Uint8Array | null> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => {});
    return null;
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  while (!signal.aborted) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return null;
  }
}

export type Reader<T> = {
  readonly limit: number;
  /** What an answer over `limit` is: a JSON answer that size is not Meta's; a file that size is too large. */
  readonly overLimit: 'unavailable' | 'media_too_large';
  parse(bytes: Uint8Array, res: Response): GraphResult<T>;
};

export const jsonReader: Reader<unknown> = {
  limit: MAX_JSON_BYTES,
  overLimit: 'unavailable',
  parse: bytes => graphOk(parseJson(bytes)),
};

export function bytesReader(limit: number): Reader<Bytes> {
  return {
    limit,
    overLimit: 'media_too_large',
    parse: (bytes, res) =>
      graphOk({ bytes, mime: (res.headers.get('content-type') ?? 'application/octet-stream').split(';')[0]!.trim() }),
  };
}

function networkError(call: GraphCall, timedOut: boolean, e: unknown): GraphError {
  const what = timedOut ? 'timeout' : `network: ${e instanceof Error ? e.message : String(e)}`;
  // A GET can be repeated safely; a POST may already have been carried out.
  return graphFail('unavailable', what, call.method === 'GET').error;
}

async function once<T>(cfg: GraphConfig, call: GraphCall, reader: Reader<T>): Promise<Settled<T>> {
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(
    () => ((timedOut = true), ctl.abort()),
    call.timeoutMs ?? cfg.timeoutMs ?? DEFAULTS.timeoutMs,
  );
  try {
    // Meta's media host answers nothing useful to a request without a User-Agent.
    const headers: Record<string, string> = { authorization: `Bearer ${cfg.accessToken}`, 'user-agent': USER_AGENT };
    let body: string | ReadableStream<Uint8Array> | undefined;
    if (call.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(call.json);
    } else if (call.stream) {
      const stream = await call.stream.open();
      if (!stream) return graphFail('unavailable', 'the file to upload is gone');
      headers['content-type'] = call.stream.contentType;
      headers['content-length'] = String(call.stream.length);
      body = stream;
    }
    const init = { method: call.method, headers, body, signal: ctl.signal, redirect: 'error' as const };
    // A stream body needs `duplex: 'half'` (Node's fetch), which RequestInit's type does not list yet.
    const streamed: RequestInit = body instanceof ReadableStream ? ({ ...init, duplex: 'half' } as RequestInit) : init;
    const res = await (cfg.fetch ?? fetch)(call.url, streamed);
    const limit = res.ok ? reader.limit : MAX_JSON_BYTES;
    const bytes = await readCapped(res, limit, ctl.signal);
    if (timedOut) return { ok: false, error: networkError(call, true, null) };
    if (!res.ok) {
      const error = mapGraphError(res.status, bytes ? parseJson(bytes) : null);
      return { ok: false, error, fromAnswer: true, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
    }
    if (!bytes) return graphFail(reader.overLimit, 'response too large');
    return reader.parse(bytes, res);
  } catch (e) {
    return { ok: false, error: networkError(call, timedOut, e) };
  } finally {
    clearTimeout(timer);
  }
}

const sleep = (ms: number) => new Promise<void>(res => setTimeout(res, ms));

/** The call, tried again while Meta answers "later" and the policy allows. */
export async function graphCall<T>(cfg: GraphConfig, call: GraphCall, reader: Reader<T>): Promise<GraphResult<T>> {
  const attempts = Math.max(1, cfg.retry?.attempts ?? DEFAULTS.attempts);
  const base = cfg.retry?.baseDelayMs ?? DEFAULTS.baseDelayMs;
  const cap = cfg.retry?.maxDelayMs ?? DEFAULTS.maxDelayMs;
  for (let attempt = 1; ; attempt++) {
    const r = await once(cfg, call, reader);
    if (r.ok || !r.fromAnswer || !r.error.retryable || attempt >= attempts) return strip(r);
    const backoff = Math.random() * Math.min(cap, base * 2 ** (attempt - 1));
    const wait = r.retryAfterMs ?? backoff;
    // Meta asked for longer than we wait inside one request: the caller's queue tries later.
    if (wait > cap) return strip(r);
    await sleep(wait);
  }
}

function strip<T>(r: Settled<T>): GraphResult<T> {
  return r.ok ? graphOk(r.value) : { ok: false, error: r.error };
}
