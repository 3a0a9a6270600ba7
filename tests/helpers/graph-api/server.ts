/**
 * A loopback Graph API for tests: the endpoints Blazz's Graph client uses, with Meta's
 * documented payloads and error shapes, a bearer token checked on every call, a record of
 * what it received, and faults to inject (see faults.ts). Numbers in `closedWindow` get
 * Meta's 131047 for anything but a template, as a chat outside its 24 hours does.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from './faults';
import { faults, metaError } from './faults';
import { parseMultipart } from './multipart';

export type Received = {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** JSON bodies parsed; null otherwise. */
  readonly json: unknown;
  readonly raw: Buffer;
};
export type StoredMedia = { readonly bytes: Buffer; readonly mime: string; readonly filename: string | null };
export type ServedTemplate = Record<string, unknown> & { name: string; language: string; status: string };

export type GraphApi = {
  readonly baseUrl: string;
  readonly version: string;
  readonly token: string;
  readonly phoneNumberId: string;
  readonly wabaId: string;
  readonly received: Received[];
  /** Sent messages (the POST bodies that got a wamid), in order. */
  readonly sent: { wamid: string; body: Record<string, unknown> }[];
  readonly media: Map<string, StoredMedia>;
  readonly templates: ServedTemplate[];
  readonly closedWindow: Set<string>;
  templatePageSize: number;
  /** The quality rating the number's profile reports (Meta's GREEN, YELLOW, RED). */
  qualityRating: string;
  /** Faults for the next requests, each used once by the first request it matches. */
  inject(...f: Fault[]): void;
  /** Forget what was received and sent, pending faults and closed windows (between tests). */
  reset(): void;
  close(): Promise<void>;
};

export type GraphApiOptions = { token?: string; version?: string; phoneNumberId?: string; wabaId?: string };

type Answer = { status: number; body?: unknown; raw?: Buffer | string; headers?: Record<string, string> };

const json = (status: number, body: unknown): Answer => ({ status, body });
const notFound = (what: string): Answer =>
  metaError(
    400,
    100,
    `Unsupported get request. Object with ID '${what}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    { subcode: 33, type: 'GraphMethodException' },
  ) as Answer;

export async function startGraphApi(o: GraphApiOptions = {}): Promise<GraphApi> {
  const pending: Fault[] = [];
  const hung = new Set<IncomingMessage['socket']>();
  const api = {
    baseUrl: '',
    version: o.version ?? 'v21.0',
    token: o.token ?? `EAAG${randomBytes(12).toString('hex')}`,
    phoneNumberId: o.phoneNumberId ?? '106540352242922',
    wabaId: o.wabaId ?? '102290129340398',
    received: [] as Received[],
    sent: [] as { wamid: string; body: Record<string, unknown> }[],
    media: new Map<string, StoredMedia>(),
    templates: [] as ServedTemplate[],
    closedWindow: new Set<string>(),
    templatePageSize: 2,
    qualityRating: 'GREEN',
    inject: (...f: Fault[]) => void pending.push(...f),
    reset: () => {
      pending.length = 0;
      api.received.length = 0;
      api.sent.length = 0;
      api.closedWindow.clear();
    },
    close: () =>
      new Promise<void>(res => {
        for (const s of hung) s.destroy();
        server.closeAllConnections();
        server.close(() => res());
      }),
  } satisfies GraphApi;

  const route = (r: Received): Answer => {
    if (r.headers.authorization !== `Bearer ${api.token}`) return faults.tokenExpired() as Answer;
    const segs = r.path.split('/').filter(Boolean);
    if (segs[0] === 'media-download' && segs.length === 2 && r.method === 'GET') return download(segs[1]!);
    if (segs[0] !== api.version) return notFound(r.path);
    const [, id, edge] = segs;
    if (r.method === 'POST' && id === api.phoneNumberId && edge === 'messages') return messages(r.json);
    if (r.method === 'POST' && id === api.phoneNumberId && edge === 'media') return upload(r);
    if (r.method === 'GET' && id === api.wabaId && edge === 'message_templates') return templates(r.query);
    if (r.method === 'GET' && id === api.phoneNumberId && !edge)
      return json(200, {
        display_phone_number: '+62 812-3456-7890',
        verified_name: 'Blazz Support',
        quality_rating: api.qualityRating,
        id,
      });
    if (r.method === 'GET' && id && !edge && api.media.has(id)) return mediaInfo(id);
    return notFound(id ?? r.path);
  };

  const messages = (body: unknown): Answer => {
    if (!isObject(body) || body['messaging_product'] !== 'whatsapp') return faults.invalidParameter() as Answer;
    if (body['status'] === 'read')
      return typeof body['message_id'] === 'string'
        ? json(200, { success: true })
        : (faults.invalidParameter() as Answer);
    const to = body['to'];
    const type = body['type'];
    if (typeof to !== 'string' || typeof type !== 'string' || !isObject(body[type]))
      return faults.invalidParameter() as Answer;
    if (type === 'text' && typeof (body['text'] as Record<string, unknown>)['body'] !== 'string')
      return faults.invalidParameter() as Answer;
    if (type !== 'template' && api.closedWindow.has(to)) return faults.windowClosed() as Answer;
    const wamid = `wamid.${Buffer.from(`${to}:${randomBytes(9).toString('hex')}`).toString('base64')}`;
    api.sent.push({ wamid, body });
    return json(200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: wamid }],
    });
  };

  const upload = (r: Received): Answer => {
    const parts = parseMultipart(r.headers['content-type'], r.raw);
    const file = parts?.find(p => p.name === 'file');
    const product = parts?.find(p => p.name === 'messaging_product')?.data.toString();
    if (!file || product !== 'whatsapp') return faults.invalidParameter() as Answer;
    const id = String(1_000_000_000_000 + api.media.size + 1);
    const mime = parts?.find(p => p.name === 'type')?.data.toString() ?? file.type ?? 'application/octet-stream';
    api.media.set(id, { bytes: file.data, mime, filename: file.filename });
    return json(200, { id });
  };

  const mediaInfo = (id: string): Answer => {
    const m = api.media.get(id)!;
    return json(200, {
      messaging_product: 'whatsapp',
      url: `${api.baseUrl}/media-download/${id}?ext=${Date.now()}`,
      mime_type: m.mime,
      sha256: createHash('sha256').update(m.bytes).digest('hex'),
      file_size: m.bytes.byteLength,
      id,
    });
  };

  const download = (id: string): Answer => {
    const m = api.media.get(id);
    if (!m) return { status: 404, raw: '' };
    return { status: 200, raw: m.bytes, headers: { 'content-type': m.mime } };
  };

  const templates = (q: URLSearchParams): Answer => {
    const start = q.get('after') ? Number(Buffer.from(q.get('after')!, 'base64url').toString()) : 0;
    if (!Number.isInteger(start) || start < 0) return faults.invalidParameter() as Answer;
    const size = Math.min(Number(q.get('limit') ?? 25) || 25, api.templatePageSize);
    const data = api.templates.slice(start, start + size);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
    const more = start + size < api.templates.length;
    const paging = {
      cursors: { before: cursor(start), after: cursor(start + data.length) },
      ...(more
        ? { next: `${api.baseUrl}/${api.version}/${api.wabaId}/message_templates?after=${cursor(start + size)}` }
        : {}),
    };
    return json(200, { data, paging });
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://x');
      let parsed: unknown = null;
      if (/json/.test(req.headers['content-type'] ?? '')) {
        try {
          parsed = JSON.parse(raw.toString('utf8'));
        } catch {
          parsed = null;
        }
      }
      const r: Received = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        json: parsed,
        raw,
      };
      api.received.push(r);
      const i = pending.findIndex(f => !f.match || f.match(r.method, r.path));
      const fault = i >= 0 ? pending.splice(i, 1)[0] : undefined;
      const answer = fault?.status !== undefined ? (fault as Answer) : route(r);
      const go = () => reply(res, answer);
      if (fault?.delayMs) {
        hung.add(req.socket);
        setTimeout(go, fault.delayMs);
      } else go();
    });
  });
  await new Promise<void>(res => server.listen(0, '127.0.0.1', () => res()));
  (api as { baseUrl: string }).baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return api;
}

function reply(res: ServerResponse, a: Answer): void {
  if (res.destroyed) return;
  const headers = { ...(a.headers ?? {}) };
  if (a.raw !== undefined) {
    res.writeHead(a.status, { 'content-type': 'application/octet-stream', ...headers }).end(a.raw);
    return;
  }
  res.writeHead(a.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(a.body ?? {}));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
