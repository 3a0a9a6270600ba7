/**
 * One REST call, start to end: the key (401), its rate limit (429), the endpoint's scope
 * (403), a stored answer for a repeated Idempotency-Key, the endpoint itself, an ETag on
 * reads (304), and an `api.call` audit row for every call a key made.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CommandError } from '../../../../common/result';
import {
  claimIdempotency,
  pruneIdempotency,
  releaseIdempotency,
  saveAnswer,
  storedAnswer,
} from '../../db/repositories/api-keys';
import { hitRateLimit, insertAudit } from '../../db/repositories/workspace';
import type { Services } from '../../handlers/context';
import { readJson } from '../respond';
import type { RouteContext } from '../route';
import type { ApiCaller } from './caller';
import { apiCaller, requireScope } from './caller';
import type { Endpoint } from './endpoint';
import { STREAMED } from './endpoint';
import type { Answer } from './problem';
import { problem } from './problem';

const WINDOW_MS = 60_000;
const MAX_BODY_BYTES = 256 * 1024;
/** Idempotency-Key: printable ASCII, as long as a UUID or a little more. */
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const KEEP_ANSWERS_MS = 24 * 3600_000;

function answerOf(err: unknown, services: Services): Answer {
  if (err instanceof CommandError) return problem(err.code, err.message, err.details);
  services.log.error({ err }, 'REST call failed');
  return problem('internal', 'the server could not complete this request');
}

/** Counts the call in the key's window; the RateLimit headers go on every answer to the key. */
async function rateLimit(
  services: Services,
  caller: ApiCaller,
  now: number,
): Promise<{ headers: Record<string, string>; over: boolean }> {
  const limit = services.limits.apiPerMinute;
  const hits = await hitRateLimit(services.db, `api:${caller.key.id}`, WINDOW_MS, now);
  const reset = String(Math.ceil((WINDOW_MS - (now % WINDOW_MS)) / 1000));
  const headers = {
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(Math.max(0, limit - hits)),
    'ratelimit-reset': reset,
  };
  return { headers: hits > limit ? { ...headers, 'retry-after': reset } : headers, over: hits > limit };
}

function queryOf(url: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url ?? '/', 'http://localhost').searchParams) if (!(k in out)) out[k] = v;
  return out;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function runEndpoint(ctx: RouteContext, ep: Endpoint, caller: ApiCaller): Promise<Answer> {
  const write = ep.method !== 'GET' && !ep.raw?.request;
  const body = write ? await readJson(ctx.req, MAX_BODY_BYTES) : undefined;
  const value = await ep.run({
    caller,
    handlers: ctx.handlers,
    services: ctx.services,
    chatId: decodeParam(ctx.params['chatId']),
    contactId: decodeParam(ctx.params['contactId']),
    messageId: decodeParam(ctx.params['messageId']),
    query: queryOf(ctx.req.url),
    body,
    req: ctx.req,
    res: ctx.res,
  });
  if (value === STREAMED) return { status: ep.status, body: null, headers: {}, streamed: true };
  return { status: ep.status, body: value, headers: {} };
}

function decodeParam(raw: string | undefined): string {
  try {
    return decodeURIComponent(raw ?? '');
  } catch {
    throw new CommandError('invalid_args', 'malformed path');
  }
}

/** A repeated key gets the first answer; a key still being answered is a 409. */
async function idempotent(ctx: RouteContext, caller: ApiCaller, run: () => Promise<Answer>): Promise<Answer> {
  const key = headerOf(ctx.req, 'idempotency-key');
  if (key === undefined) return run();
  if (!IDEMPOTENCY_KEY.test(key)) throw new CommandError('invalid_args', 'Idempotency-Key: 1–200 printable characters');
  const { db } = ctx.services;
  const path = new URL(ctx.req.url ?? '/', 'http://localhost').pathname;
  const hash = createHash('sha256')
    .update(`${ctx.req.method ?? ''} ${path}\n${key}`)
    .digest('hex');
  const now = Date.now();
  if (!(await claimIdempotency(db, caller.key.id, hash, now))) {
    const stored = await storedAnswer(db, caller.key.id, hash);
    if (!stored || stored.status === 0)
      throw new CommandError('conflict', 'a request with this Idempotency-Key is still running', {
        reason: 'idempotency_in_progress',
      });
    const body: unknown = stored.body === null ? null : JSON.parse(stored.body);
    return { status: stored.status, body, headers: { 'idempotent-replayed': 'true' } };
  }
  if (Math.random() < 0.01) await pruneIdempotency(db, now - KEEP_ANSWERS_MS);
  let answer: Answer;
  try {
    answer = await run();
  } catch (err) {
    answer = answerOf(err, ctx.services);
  }
  // A server error or a rate limit is worth retrying: the key is freed for the retry.
  if (answer.status >= 500 || answer.status === 429) await releaseIdempotency(db, caller.key.id, hash);
  else await saveAnswer(db, caller.key.id, hash, { status: answer.status, body: JSON.stringify(answer.body) });
  return answer;
}

function etagged(req: IncomingMessage, answer: Answer, text: string): Answer {
  const etag = `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
  const match = headerOf(req, 'if-none-match');
  const hit =
    match !== undefined && (match.trim() === '*' || match.split(',').some(t => t.trim().replace(/^W\//, '') === etag));
  return hit
    ? { status: 304, body: null, headers: { ...answer.headers, etag } }
    : { ...answer, headers: { ...answer.headers, etag } };
}

function write(req: IncomingMessage, res: ServerResponse, answer: Answer, text: string | null): void {
  if (res.headersSent || res.writableEnded) return void res.destroy();
  const type = answer.status === 304 ? {} : { 'content-type': 'application/json; charset=utf-8' };
  // Refused before its body was read (no key, a scope): the connection is closed rather than
  // left waiting for a body that may never come (a Content-Length that lies).
  const close = req.complete ? {} : { connection: 'close' };
  res.writeHead(answer.status, { ...type, 'cache-control': 'no-store', ...close, ...answer.headers });
  res.end(answer.status === 304 ? undefined : text);
}

export async function serveEndpoint(ctx: RouteContext, ep: Endpoint): Promise<void> {
  const { services, req, res } = ctx;
  const now = Date.now();
  let caller: ApiCaller | null = null;
  let limitHeaders: Record<string, string> = {};
  let answer: Answer;
  try {
    caller = await apiCaller(services, req, now);
    const c = caller;
    const limited = await rateLimit(services, c, now);
    limitHeaders = limited.headers;
    if (limited.over)
      throw new CommandError('rate_limited', `at most ${services.limits.apiPerMinute} calls a minute per key`);
    requireScope(c, ep.scope);
    const run = () => runEndpoint(ctx, ep, c);
    answer = ep.method === 'GET' ? await run() : await idempotent(ctx, c, run);
  } catch (err) {
    answer = answerOf(err, services);
  }
  if (answer.streamed) {
    if (caller) await audit(services, caller, ep, ctx.params['chatId'], answer.status);
    return;
  }
  let text = JSON.stringify(answer.body);
  if (ep.method === 'GET' && answer.status === 200) answer = etagged(req, answer, text);
  if (answer.status === 304) text = '';
  if (caller) await audit(services, caller, ep, ctx.params['chatId'], answer.status);
  write(req, res, { ...answer, headers: { ...limitHeaders, ...answer.headers } }, text);
}

/** Every call a key made, refused ones too; never the body (the chat itself holds the words). */
async function audit(
  services: Services,
  caller: ApiCaller,
  ep: Endpoint,
  chatParam: string | undefined,
  status: number,
) {
  let chatId: string | null = null;
  try {
    chatId = chatParam === undefined ? null : decodeURIComponent(chatParam).slice(0, 420);
  } catch {
    chatId = null;
  }
  try {
    await insertAudit(services.db, {
      memberId: caller.memberId,
      deviceId: caller.key.id,
      action: 'api.call',
      chatId,
      before: null,
      after: { apiKeyId: caller.key.id, method: ep.method, path: ep.path, status },
      at: Date.now(),
    });
  } catch (err) {
    services.log.error({ err }, 'could not audit a REST call');
  }
}
