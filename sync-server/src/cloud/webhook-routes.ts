/**
 * Meta's webhook for every Cloud number of the workspace: one URL, `/webhooks/cloud`.
 * GET answers Meta's subscription check when the verify token is one of the numbers'.
 * POST is verified (X-Hub-Signature-256, HMAC-SHA256 of the raw bytes under an app secret
 * of one of the numbers) BEFORE it is parsed, stored as received, and answered at once;
 * the inbox worker stores its messages. A body that fails the check leaves no trace.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CommandError } from '../../../common/result';
import { listCloudNumbers } from '../db/repositories/cloud';
import type { Services } from '../handlers/context';
import { send, sendError } from '../http/respond';
import type { Route } from '../http/route';
import type { OpenedNumber } from './secrets';
import { openNumber } from './secrets';
import type { InboxWriter } from './inbox-writer';
import { createInboxWriter } from './inbox-writer';

/** Meta's batches are small (a few kB); this bounds what an unsigned sender can make us hash. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
export const CLOUD_WEBHOOK_PATH = '/webhooks/cloud';

function equalText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * How long the numbers' opened secrets are reused: Meta's bursts then cost no query and no
 * decryption per request. When they are older, one request reads them again while the
 * others go on checking against the list they replace (a few seconds old at most), so no
 * POST of a burst waits for that read; a number added or removed on this node is read at
 * once (forgetOpenedNumbers), the others within the TTL as before.
 */
const SECRETS_TTL_MS = 2_000;
type OpenedCache = { at: number; numbers: Promise<OpenedNumber[]>; ready: OpenedNumber[] | null };
const opened = new WeakMap<Services, OpenedCache>();

/** One writer per server: concurrent POSTs share its inserts (inbox-writer.ts). */
const writers = new WeakMap<Services, InboxWriter>();
function writerOf(services: Services): InboxWriter {
  let w = writers.get(services);
  if (!w) writers.set(services, (w = createInboxWriter(() => services.database.raw)));
  return w;
}

/** A number was added or removed on this node: the next request reads them again. */
export function forgetOpenedNumbers(services: Services): void {
  opened.delete(services);
}

function openNumbers(services: Services): Promise<OpenedNumber[]> {
  const hit = opened.get(services);
  if (hit && Date.now() - hit.at < SECRETS_TTL_MS) return hit.ready ? Promise.resolve(hit.ready) : hit.numbers;
  const numbers = listCloudNumbers(services.db).then(rows =>
    rows.map(r => openNumber(services.mfaKey, r)).filter(n => n !== null),
  );
  const entry: OpenedCache = { at: Date.now(), numbers, ready: hit?.ready ?? null };
  opened.set(services, entry);
  void numbers.then(
    list => (entry.ready = list),
    // A failed read is not kept: the next request asks the database again.
    () => {
      if (opened.get(services) === entry) opened.delete(services);
    },
  );
  return entry.ready ? Promise.resolve(entry.ready) : numbers;
}

async function verify(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://x');
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token') ?? '';
  const challenge = url.searchParams.get('hub.challenge') ?? '';
  const numbers = await openNumbers(services);
  const known = numbers.some(n => equalText(n.verifyToken, token));
  // Echoing only a plain token: the body is text, but nothing markup-like goes back out.
  if (mode !== 'subscribe' || !known || !/^[A-Za-z0-9_-]{1,200}$/.test(challenge))
    return sendError(res, 'forbidden', 'verification refused');
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(challenge);
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_WEBHOOK_BYTES) throw new CommandError('payload_too_large', 'webhook body too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > MAX_WEBHOOK_BYTES) throw new CommandError('payload_too_large', 'webhook body too large');
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Whether `header` is the HMAC of `body` under one of the app secrets, compared in constant time. */
export function signedByOneOf(body: Buffer, header: string, secrets: readonly string[]): boolean {
  const m = /^sha256=([0-9a-f]{64})$/.exec(header);
  if (!m) return false;
  const given = Buffer.from(m[1]!, 'hex');
  let ok = false;
  for (const secret of new Set(secrets)) {
    const want = createHmac('sha256', secret).update(body).digest();
    // Every secret is tried, so the time taken does not tell which one matched.
    if (timingSafeEqual(want, given)) ok = true;
  }
  return ok;
}

async function receive(services: Services, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const header = req.headers['x-hub-signature-256'];
  if (typeof header !== 'string') {
    req.resume();
    return sendError(res, 'unauthenticated', 'signature missing');
  }
  const body = await readRaw(req);
  const numbers = await openNumbers(services);
  if (
    !signedByOneOf(
      body,
      header.trim().toLowerCase(),
      numbers.map(n => n.appSecret),
    )
  )
    return sendError(res, 'unauthenticated', 'signature does not match');
  await writerOf(services).write(body.toString('utf8'));
  services.cloud.kickInbox();
  send(res, 200, { ok: true });
}

export const CLOUD_ROUTES: readonly Route[] = [
  { method: 'GET', path: CLOUD_WEBHOOK_PATH, handle: c => verify(c.services, c.req, c.res) },
  { method: 'POST', path: CLOUD_WEBHOOK_PATH, handle: c => receive(c.services, c.req, c.res) },
];
