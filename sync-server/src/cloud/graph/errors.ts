/**
 * Meta's Graph error payload → our codes (the composer and the send's failure show them as
 * sentences). Which are worth retrying: 5xx, 429 and Meta's throttling codes only; a 4xx
 * says the request itself is wrong and would fail again.
 */
import { z } from 'zod';
import type { GraphError, GraphErrorCode } from '../graph-port';

export const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string().max(2000).optional(),
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
  }),
});

const RATE_LIMIT_CODES = new Set([4, 80007, 130429, 131048, 131056]);

function codeOf(status: number, metaCode: number | null): GraphErrorCode {
  if (metaCode === 190) return 'token_expired';
  if (metaCode === 131047) return 'window_closed';
  if (metaCode !== null && RATE_LIMIT_CODES.has(metaCode)) return 'rate_limited';
  if (metaCode === 131026 || metaCode === 131030) return 'invalid_number';
  if (metaCode === 131052 || metaCode === 131053) return 'media_unsupported';
  if (metaCode !== null && metaCode >= 132000 && metaCode <= 132015) return 'template_invalid';
  if (status === 429) return 'rate_limited';
  if (status === 401) return 'token_expired';
  if (status === 404) return 'not_found';
  if (status >= 500) return 'unavailable';
  return 'bad_request';
}

export function graphError(status: number, body: unknown): GraphError {
  const parsed = graphErrorBodySchema.safeParse(body);
  const metaCode = parsed.success ? (parsed.data.error.code ?? null) : null;
  const code = codeOf(status, metaCode);
  return {
    code,
    metaCode,
    detail: (parsed.success ? (parsed.data.error.message ?? '') : `HTTP ${status}`).slice(0, 300),
    retryable: code === 'unavailable' || code === 'rate_limited',
  };
}

export const networkError = (detail: string): GraphError => ({
  code: 'unavailable',
  metaCode: null,
  detail: detail.slice(0, 300),
  retryable: true,
});
