/**
 * A Graph API client for one Cloud number: the calls the server makes (phone-number info,
 * text sends with reply context). fetch is injected so tests drive it against the loopback
 * Graph server. Results are data, never throws: a malformed answer is an error like any
 * other. Retried with exponential back-off and jitter only when Meta says "later" (5xx,
 * 429, throttling codes), at most `tries` times, honouring Retry-After up to a cap.
 */
import { z } from 'zod';
import type { GraphCredentials, GraphError, GraphPort, GraphResult } from '../graph-port';
import { graphError, networkError } from './errors';

export type GraphClientOptions = {
  readonly baseUrl: string;
  readonly apiVersion: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly tries?: number;
  /** First back-off step; doubled per retry, with up to as much again of jitter. */
  readonly backoffMs?: number;
};

const MAX_RETRY_AFTER_MS = 10_000;

const sentSchema = z.object({ messages: z.array(z.object({ id: z.string().min(1).max(300) })).min(1) });
const infoSchema = z.object({
  display_phone_number: z.string().max(40),
  verified_name: z.string().max(200),
  quality_rating: z.string().max(40).optional(),
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

function retryAfterMs(res: Response): number | null {
  const h = res.headers.get('retry-after');
  const s = h === null ? NaN : Number(h);
  return Number.isFinite(s) && s >= 0 ? Math.min(s * 1000, MAX_RETRY_AFTER_MS) : null;
}

export function createGraphClient(creds: GraphCredentials, o: GraphClientOptions): GraphPort {
  const doFetch = o.fetch ?? fetch;
  const tries = o.tries ?? 3;
  const backoff = o.backoffMs ?? 250;
  const base = `${o.baseUrl.replace(/\/+$/, '')}/${o.apiVersion}`;

  type Answer = { res: Response; json: unknown } | { error: GraphError };

  async function once(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Answer> {
    try {
      const res = await doFetch(`${base}/${path}`, {
        method,
        headers: {
          authorization: `Bearer ${creds.accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      return { res, json };
    } catch (err) {
      return { error: networkError(err instanceof Error ? err.name : 'network') };
    }
  }

  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body?: unknown,
  ): Promise<GraphResult<T>> {
    let last: GraphError = networkError('no attempt');
    for (let attempt = 1; attempt <= tries; attempt++) {
      const r = await once(method, path, body);
      let wait: number | null = null;
      if ('error' in r) last = r.error;
      else if (r.res.ok) {
        const parsed = schema.safeParse(r.json);
        if (parsed.success) return { ok: true, value: parsed.data };
        return {
          ok: false,
          error: { code: 'bad_request', metaCode: null, detail: 'unexpected answer', retryable: false },
        };
      } else {
        last = graphError(r.res.status, r.json);
        wait = retryAfterMs(r.res);
      }
      if (!last.retryable || attempt === tries) break;
      const step = backoff * 2 ** (attempt - 1);
      await sleep(wait ?? step + Math.random() * step);
    }
    return { ok: false, error: last };
  }

  return {
    async phoneNumberInfo() {
      const r = await call(
        'GET',
        `${creds.phoneNumberId}?fields=display_phone_number,verified_name,quality_rating`,
        infoSchema,
      );
      if (!r.ok) return r;
      const v = r.value;
      return {
        ok: true,
        value: {
          displayPhoneNumber: v.display_phone_number,
          verifiedName: v.verified_name,
          qualityRating: v.quality_rating ?? null,
        },
      };
    },
    async sendText(to, body, opts = {}) {
      const payload = {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to,
        type: 'text',
        text: { body, preview_url: false },
        ...(opts.replyTo ? { context: { message_id: opts.replyTo } } : {}),
      };
      const r = await call('POST', `${creds.phoneNumberId}/messages`, sentSchema, payload);
      return r.ok ? { ok: true, value: { wamid: r.value.messages[0]!.id } } : r;
    },
  };
}
