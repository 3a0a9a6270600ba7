/**
 * RFC 9457 problem details for the REST API: the `type` is our error code as a relative
 * URI (`/problems/forbidden`), the same codes the socket protocol answers with.
 */
import { z } from 'zod';
import type { ErrorCode } from '../../../../common/result';
import { STATUS } from '../respond';

export type Answer = {
  readonly status: number;
  /** The endpoint wrote the answer itself (a file streamed): nothing more is written. */
  readonly streamed?: boolean;
  /** null: no body (304). */
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string>>;
};

export const problemSchema = z.object({
  type: z.string().describe('`/problems/<code>`, one of the error codes in docs/api.md'),
  title: z.string().describe('The error code'),
  status: z.number().int(),
  detail: z.string().describe('A sentence for developers; not for end users'),
  details: z.unknown().optional().describe('What a client may act on, e.g. the missing scope'),
});

export const PROBLEM_TYPE = 'application/problem+json';

export function problem(code: ErrorCode, detail: string, details?: unknown): Answer {
  const status = STATUS[code];
  return {
    status,
    body: { type: `/problems/${code}`, title: code, status, detail, ...(details === undefined ? {} : { details }) },
    headers: { 'content-type': `${PROBLEM_TYPE}; charset=utf-8` },
  };
}
