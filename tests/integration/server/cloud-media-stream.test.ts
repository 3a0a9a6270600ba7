/**
 * Graph media uploads stream (issue #19): the file's bytes reach Graph while its source is
 * still being read, with an exact Content-Length and no chunked encoding, so a 100 MB
 * document is never held in the server's memory. A source that yields fewer or more bytes
 * than declared fails the upload instead of sending a cut or padded file, and a retried
 * upload (Meta answered "later") reads its source again.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../../sync-server/src/cloud-api/graph';
import { parseMultipart } from '../../helpers/graph-api/multipart';

type Seen = { headers: IncomingMessage['headers']; body: Buffer };

let server: Server;
let url = '';
/** Bytes received so far by the request being read, and what each finished request carried. */
let arrived = 0;
const seen: Seen[] = [];
/** Answers for the next requests (default 200 with a media id). */
const answers: { status: number; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    arrived = 0;
    req.on('data', (c: Buffer) => {
      arrived += c.length;
      chunks.push(c);
    });
    req.on('error', () => {});
    req.on('end', () => {
      seen.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const a = answers.shift() ?? { status: 200, body: { id: String(seen.length) } };
      res.writeHead(a.status, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>(r => (server.closeAllConnections(), server.close(() => r()))));

const client = () =>
  createGraphClient({
    baseUrl: url,
    apiVersion: 'v21.0',
    phoneNumberId: '106540352242922',
    wabaId: '102290129340398',
    accessToken: 'EAAG' + 'e'.repeat(40),
    retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 50 },
  });

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise(r => setTimeout(r, 5));
  }
}

describe('streamed media upload', () => {
  it('sends the first part before the source has read the rest', async () => {
    const first = randomBytes(256 * 1024);
    const second = randomBytes(256 * 1024);
    async function* source() {
      yield first;
      // A client that buffered the whole file would never get here: nothing is sent yet.
      await until(() => arrived >= first.length);
      yield second;
    }
    const r = await client().uploadMediaStream({
      size: first.length + second.length,
      mime: 'application/pdf',
      filename: 'big "quote".pdf',
      open: async () => source(),
    });
    expect(r).toEqual({ ok: true, value: { id: expect.any(String) } });
    const req = seen.at(-1)!;
    expect(req.headers['transfer-encoding']).toBeUndefined();
    expect(Number(req.headers['content-length'])).toBe(req.body.length);
    const parts = parseMultipart(req.headers['content-type'], req.body);
    expect(parts?.map(p => p.name)).toEqual(['messaging_product', 'type', 'file']);
    const file = parts!.find(p => p.name === 'file')!;
    expect(file.data.equals(Buffer.concat([first, second]))).toBe(true);
    expect(file).toMatchObject({ type: 'application/pdf', filename: 'big _quote_.pdf' });
  });

  it('fails a source shorter or longer than declared, and never reports it uploaded', async () => {
    const bytes = randomBytes(1000);
    for (const size of [1001, 999]) {
      const r = await client().uploadMediaStream({
        size,
        mime: 'application/pdf',
        filename: 'a.pdf',
        open: async () =>
          (async function* () {
            yield bytes;
          })(),
      });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.code).toBe('unavailable');
    }
  });

  it('reads the source again when Meta answers "later" and the upload is retried', async () => {
    let opened = 0;
    const bytes = randomBytes(4096);
    answers.push({ status: 503, body: { error: { message: 'later', type: 'OAuthException', code: 2 } } });
    const before = seen.length;
    const r = await client().uploadMediaStream({
      size: bytes.length,
      mime: 'image/png',
      filename: 'a.png',
      open: async () => {
        opened++;
        return (async function* () {
          yield bytes;
        })();
      },
    });
    expect(r.ok).toBe(true);
    expect(opened).toBe(2);
    const last = parseMultipart(seen.at(-1)!.headers['content-type'], seen.at(-1)!.body);
    expect(last?.find(p => p.name === 'file')?.data.equals(bytes)).toBe(true);
    expect(seen.length).toBe(before + 2);
  });

  it('answers unavailable when the source is gone', async () => {
    const r = await client().uploadMediaStream({
      size: 10,
      mime: 'image/png',
      filename: 'a.png',
      open: async () => null,
    });
    expect(!r.ok && r.error.code).toBe('unavailable');
  });
});
