/**
 * A loopback Graph API for tests: the endpoints the server's Cloud API client calls, with
 * Meta's documented payloads and error shape (`{ error: { message, type, code, fbtrace_id } }`).
 * Knobs queue failures for the next requests (a status and an optional Meta code, a delay),
 * and every request is recorded so tests assert what Meta would have received, and how often.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type GraphNumber = { phoneNumberId: string; token: string; displayPhone: string; verifiedName: string };
export type Injected = { status: number; metaCode?: number; retryAfterS?: number; delayMs?: number };
export type Received = { method: string; path: string; auth: string | null; body: unknown };

export type GraphApi = {
  readonly url: string;
  readonly received: Received[];
  /** Sends Graph accepted, in order: `to`, text body and the wamid it answered with. */
  readonly sent: Array<{ to: string; body: string; wamid: string; replyTo: string | null }>;
  addNumber(n: GraphNumber): void;
  /** The next requests answer with these, in order, instead of succeeding. */
  failNext(...errors: Injected[]): void;
  stop(): Promise<void>;
};

/** A wamid in Meta's form: `wamid.` and base64 that carries `+`, `/` and `=`. */
export function fakeWamid(): string {
  let b64 = '';
  while (!/[+/]/.test(b64)) b64 = randomBytes(25).toString('base64');
  return `wamid.${b64}`;
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const metaError = (code: number, message: string) => ({
  error: { message, type: 'OAuthException', code, fbtrace_id: 'AbCdEf123' },
});

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return text;
  }
}

type SendBody = { to?: string; type?: string; text?: { body?: string }; context?: { message_id?: string } };

export async function startGraphApi(): Promise<GraphApi> {
  const numbers = new Map<string, GraphNumber>();
  const queue: Injected[] = [];
  const received: Received[] = [];
  const sent: GraphApi['sent'] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://graph');
    const body = req.method === 'POST' ? await bodyOf(req) : null;
    const auth = req.headers.authorization ?? null;
    received.push({ method: req.method ?? '', path: url.pathname, auth, body });
    const injected = queue.shift();
    if (injected) {
      if (injected.delayMs) await new Promise(r => setTimeout(r, injected.delayMs));
      const headers: Record<string, string> =
        injected.retryAfterS === undefined ? {} : { 'retry-after': String(injected.retryAfterS) };
      return reply(res, injected.status, metaError(injected.metaCode ?? injected.status, 'injected'), headers);
    }
    const [, , id, edge] = url.pathname.split('/');
    const number = id ? numbers.get(id) : undefined;
    if (!number) return reply(res, 404, metaError(100, 'Unsupported get request'));
    if (auth !== `Bearer ${number.token}`) return reply(res, 401, metaError(190, 'Error validating access token'));
    if (req.method === 'GET' && edge === undefined)
      return reply(res, 200, {
        id: number.phoneNumberId,
        display_phone_number: number.displayPhone,
        verified_name: number.verifiedName,
        quality_rating: 'GREEN',
      });
    if (req.method === 'POST' && edge === 'messages') {
      const b = (body ?? {}) as SendBody;
      if (typeof b.to !== 'string' || b.type !== 'text' || typeof b.text?.body !== 'string')
        return reply(res, 400, metaError(100, 'Invalid parameter'));
      const wamid = fakeWamid();
      sent.push({ to: b.to, body: b.text.body, wamid, replyTo: b.context?.message_id ?? null });
      return reply(res, 200, {
        messaging_product: 'whatsapp',
        contacts: [{ input: b.to, wa_id: b.to }],
        messages: [{ id: wamid }],
      });
    }
    reply(res, 400, metaError(100, 'Unsupported request'));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    sent,
    addNumber: n => numbers.set(n.phoneNumberId, n),
    failNext: (...errors) => queue.push(...errors),
    stop: () =>
      new Promise<void>(r => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
