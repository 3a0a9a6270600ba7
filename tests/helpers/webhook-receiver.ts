/**
 * A loopback webhook receiver for tests and the benchmark: records every request (headers,
 * raw body, arrival time) and answers as its `behave` says — a status, a hang (the sender
 * times out), or a status after a delay. `dedupe` keeps the first body of each event id,
 * the way a careful receiver would.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { readonly headers: IncomingHttpHeaders; readonly body: string; readonly at: number };
export type Behaviour = { status: number; delayMs?: number } | { hang: true };

export type Receiver = {
  readonly url: string;
  readonly requests: Received[];
  /** First body per Blazz-Event-Id, in the order first accepted with a 2xx. */
  readonly accepted: Map<string, string>;
  /** How to answer the n-th request (0-based); default 200. */
  behave: (n: number, body: string) => Behaviour;
  waitFor(pred: (r: Receiver) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startReceiver(path = '/hook'): Promise<Receiver> {
  const hung = new Set<{ destroy(): void }>();
  let server: Server | null = null;
  const r: Receiver = {
    url: '',
    requests: [],
    accepted: new Map(),
    behave: () => ({ status: 200 }),
    async waitFor(pred, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (!pred(r)) {
        if (Date.now() > until)
          throw new Error(`receiver: condition not met in ${timeoutMs} ms (${r.requests.length} requests)`);
        await new Promise(res => setTimeout(res, 20));
      }
    },
    close: () =>
      new Promise<void>(res => {
        for (const s of hung) s.destroy();
        server?.closeAllConnections();
        server?.close(() => res());
      }),
  };
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const n = r.requests.length;
      r.requests.push({ headers: req.headers, body, at: Date.now() });
      const how = r.behave(n, body);
      if ('hang' in how) {
        hung.add(req.socket);
        return;
      }
      const answer = () => {
        const id = String(req.headers['blazz-event-id'] ?? '');
        if (how.status >= 200 && how.status < 300 && !r.accepted.has(id)) r.accepted.set(id, body);
        res.writeHead(how.status, { 'content-type': 'text/plain' }).end('ok');
      };
      if (how.delayMs) setTimeout(answer, how.delayMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>(res => server!.listen(0, '127.0.0.1', () => res()));
  (r as { url: string }).url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return r;
}
