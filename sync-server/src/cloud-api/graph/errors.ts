/**
 * Meta's error payload `{ error: { message, type, code, error_subcode, error_data, fbtrace_id } }`
 * mapped to Blazz's codes. Which ones are worth trying again decides the client's retries:
 * only rate limits and Meta's own outages; a 4xx about the request never changes by resending.
 */
import { z } from 'zod';
import type { GraphErrorCode } from '../../../../common/cloud-api';
import type { GraphError } from './types';

/** Meta sends numbers; a proxy in between may have turned them into strings. */
const metaNumber = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number),
]);

const metaErrorSchema = z.object({
  error: z.object({
    message: z.string().max(4096).optional(),
    type: z.string().max(256).optional(),
    code: metaNumber.optional(),
    error_subcode: metaNumber.optional(),
    error_data: z
      .object({ details: z.string().max(4096).optional() })
      .loose()
      .optional(),
    fbtrace_id: z.string().max(256).optional(),
  }),
});

/** Throughput, spam and pair rate limits, and the app-level "too many calls". */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131048, 131056]);
/** Meta says: temporary, try again later. */
const OUTAGE_CODES = new Set([1, 2, 131000, 131016, 133004]);
/** 190 expired or invalid token; 0 AuthException; 102/463/467 session gone. */
const TOKEN_CODES = new Set([0, 102, 190, 463, 467]);
/** 131026 undeliverable (not on WhatsApp, old app…); 131030 not in the test number's allowed list. */
const NUMBER_CODES = new Set([131026, 131030]);

type Parsed = { code: number | null; subcode: number | null; message: string };

function parseMetaError(body: unknown): Parsed | null {
  const r = metaErrorSchema.safeParse(body);
  if (!r.success) return null;
  const e = r.data.error;
  const details = e.error_data?.details;
  const message = [e.message, details].filter(Boolean).join(': ').slice(0, 1000);
  return { code: e.code ?? null, subcode: e.error_subcode ?? null, message };
}

function codeFor(status: number, p: Parsed | null): GraphErrorCode {
  const c = p?.code ?? null;
  if (c !== null) {
    if (TOKEN_CODES.has(c)) return 'token_expired';
    if (c === 131047) return 'window_closed';
    if (RATE_LIMIT_CODES.has(c)) return 'rate_limited';
    if (NUMBER_CODES.has(c)) return 'invalid_number';
    if (c === 131053 || c === 131052)
      return /too (large|big)|size/i.test(p?.message ?? '') ? 'media_too_large' : 'media_unsupported';
    if (c >= 132000 && c <= 132999) return 'template_invalid';
    if (OUTAGE_CODES.has(c)) return 'unavailable';
    // "Unsupported get/post request. Object with ID … does not exist".
    if (c === 100 && p?.subcode === 33) return 'not_found';
  }
  if (status === 401) return 'token_expired';
  if (status === 404) return 'not_found';
  if (status === 413) return 'media_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'unavailable';
  return 'bad_request';
}

/** A non-2xx answer as a GraphError; `body` is the parsed JSON (anything) or null. */
export function mapGraphError(status: number, body: unknown): GraphError {
  const p = parseMetaError(body);
  const code = codeFor(status, p);
  const retryable = code === 'rate_limited' || code === 'unavailable';
  const detail = p?.message || `HTTP ${status}`;
  return { code, metaCode: p?.code ?? null, detail, retryable };
}
