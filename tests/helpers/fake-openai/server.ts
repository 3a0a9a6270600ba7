/**
 * A small OpenAI-compatible server on 127.0.0.1 for tests: POST /v1/chat/completions,
 * streamed (SSE) or not, with scripted errors, delays and malformed bodies, and a log of
 * every request so tests can assert what was sent, and that nothing was.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeReply =
  /** A normal answer: SSE when the request streams (unless `ignoreStream`), else one JSON body. */
  | {
      readonly kind: 'text';
      readonly content: string;
      readonly delayMs?: number;
      readonly chunkDelayMs?: number;
      readonly ignoreStream?: boolean;
      /** Streaming only: after this many characters, wait for `resume` before the rest. */
      readonly pauseAt?: number;
      readonly resume?: Promise<void>;
    }
  | { readonly kind: 'error'; readonly status: number; readonly message?: string; readonly retryAfterMs?: number }
  /** Anything at all, e.g. a body that is not JSON or an SSE event that is not. */
  | { readonly kind: 'raw'; readonly status?: number; readonly contentType: string; readonly body: string }
  /** Headers never come: the client's deadline must fire. */
  | { readonly kind: 'hang' };

export type LoggedRequest = {
  readonly path: string;
  readonly authorization: string | undefined;
  readonly stream: boolean;
  readonly model: string | undefined;
  readonly messages: readonly { readonly role: string; readonly content: string }[];
  /** Every message content joined, for "was this ever sent" assertions. */
  readonly text: string;
};

export type FakeOpenAi = {
  /** Base URL to configure, ending in /v1. */
  readonly url: string;
  readonly requests: LoggedRequest[];
  /** Replies used in order, one per request; after them, `fallback`. */
  script(...replies: FakeReply[]): void;
  fallback(reply: (req: LoggedRequest) => FakeReply): void;
  close(): Promise<void>;
};

const CHUNK_CHARS = 12;

function completion(content: string, model: string | undefined): string {
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1,
    model: model ?? 'fake',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  });
}

function chunk(delta: Record<string, string>, model: string | undefined, finish: string | null): string {
  const body = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1,
    model: model ?? 'fake',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

const wait = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (b: Buffer) => parts.push(b));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function logOf(path: string, req: IncomingMessage, raw: string): LoggedRequest {
  let json: { stream?: unknown; model?: unknown; messages?: unknown } = {};
  try {
    json = JSON.parse(raw) as typeof json;
  } catch {
    // logged with no messages; the test sees an empty request
  }
  const messages = Array.isArray(json.messages)
    ? json.messages.map((m: { role?: unknown; content?: unknown }) => ({
        role: String(m.role),
        content: String(m.content),
      }))
    : [];
  return {
    path,
    authorization: req.headers.authorization,
    stream: json.stream === true,
    model: typeof json.model === 'string' ? json.model : undefined,
    messages,
    text: messages.map(m => m.content).join('\n'),
  };
}

async function answer(res: ServerResponse, reply: FakeReply, logged: LoggedRequest): Promise<void> {
  switch (reply.kind) {
    case 'hang':
      return; // the socket is destroyed by close() or by the client's abort
    case 'error': {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      // The SDK honours retry-after-ms, which keeps retry tests fast.
      if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
      res.writeHead(reply.status, headers);
      res.end(JSON.stringify({ error: { message: reply.message ?? `fake error ${reply.status}`, type: 'fake' } }));
      return;
    }
    case 'raw':
      res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType });
      res.end(reply.body);
      return;
    case 'text': {
      if (reply.delayMs) await wait(reply.delayMs);
      if (!logged.stream || reply.ignoreStream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(completion(reply.content, logged.model));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.write(chunk({ role: 'assistant', content: '' }, logged.model, null));
      for (let i = 0; i < reply.content.length; i += CHUNK_CHARS) {
        if (reply.chunkDelayMs) await wait(reply.chunkDelayMs);
        if (reply.pauseAt !== undefined && i >= reply.pauseAt && reply.resume) await reply.resume;
        if (res.destroyed) return;
        res.write(chunk({ content: reply.content.slice(i, i + CHUNK_CHARS) }, logged.model, null));
      }
      res.write(chunk({}, logged.model, 'stop'));
      res.end('data: [DONE]\n\n');
      return;
    }
  }
}

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: LoggedRequest[] = [];
  const queue: FakeReply[] = [];
  let fallback: (req: LoggedRequest) => FakeReply = () => ({
    kind: 'error',
    status: 500,
    message: 'no reply scripted',
  });
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0] ?? '';
      const raw = await readBody(req);
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: `no route ${req.method} ${path}` } }));
        return;
      }
      const logged = logOf(path, req, raw);
      requests.push(logged);
      await answer(res, queue.shift() ?? fallback(logged), logged);
    })();
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => {
      queue.push(...replies);
    },
    fallback: fn => {
      fallback = fn;
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
