/**
 * Media by URL for a REST send (docs/api.md, "Media"): the server fetches the file once and
 * relays it like an uploaded one; by default only public https is allowed, so the same
 * loopback URL is refused by a server that does not allow private networks.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireSend } from '../../../common/protocol';
import type { Stack } from './harness';
import { startStack } from './harness';
import type { RestWorld } from './rest-helpers';
import { chatPath, rest, restWorld } from './rest-helpers';

const PDF = Buffer.from(`%PDF-1.4 price list ${randomUUID()}`);
let files: ReturnType<typeof createServer>;
let base: string;
let hits = 0;
let open: Stack;
let closed: Stack;
let w: RestWorld;
let wClosed: RestWorld;

beforeAll(async () => {
  files = createServer((req, res) => {
    hits++;
    if (req.url === '/price-list.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': PDF.length });
      res.end(PDF);
    } else if (req.url === '/chunked.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write(PDF);
      res.end();
    } else if (req.url === '/page.html') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': 4 });
      res.end('<p/>');
    } else {
      res.writeHead(404, { 'content-length': 0 });
      res.end();
    }
  });
  await new Promise<void>(r => files.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  open = await startStack({ webhooks: { allowPrivateNetworks: true } });
  w = await restWorld(open);
  closed = await startStack();
  wClosed = await restWorld(closed);
}, 90_000);
afterAll(async () => {
  await open?.stop();
  await closed?.stop();
  files?.close();
});

describe('POST /chats/{chatId}/messages with media by URL', () => {
  it('fetches the file once, relays it with its caption and name, and a retry with the key fetches nothing', async () => {
    const secret = await w.key(['messages:send'], [w.A.accountId]);
    const offered: WireSend[] = [];
    w.A.host.socket.on('send:requested', s => offered.push(s));
    const key = randomUUID();
    const send = () =>
      rest(open, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
        body: { body: 'Our prices', media: { url: `${base}/price-list.pdf` } },
        headers: { 'idempotency-key': key },
      });
    const before = hits;
    const first = await send();
    expect(first.status).toBe(202);
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(first.json).toMatchObject({
      body: 'Our prices',
      attachment: { sha256, mimeType: 'application/pdf', fileName: 'price-list.pdf', size: PDF.length },
    });
    expect((await send()).json['clientMessageId']).toBe(first.json['clientMessageId']);
    expect(hits - before).toBe(1);
    await expect.poll(() => offered.filter(s => s.attachment?.sha256 === sha256).length).toBe(1);
  });

  it('refuses what it cannot fetch as a problem with a reason, never a 500', async () => {
    const secret = await w.key(['messages:send'], [w.A.accountId]);
    const reasonOf = async (url: string) => {
      const r = await rest(open, secret, 'POST', chatPath(w.A.chatId, '/messages'), { body: { media: { url } } });
      return `${r.status} ${String((r.json['details'] as { reason?: string } | undefined)?.reason ?? r.json['detail'])}`;
    };
    expect(await reasonOf(`${base}/missing.pdf`)).toBe('400 url_status');
    expect(await reasonOf(`${base}/page.html`)).toMatch(/^400 /);
    expect(await reasonOf(`${base}/chunked.pdf`)).toMatch(/^400 /);
    expect(await reasonOf('ftp://example.com/a.pdf')).toBe('400 url_scheme');
    expect(await reasonOf('not a url at all')).toBe('400 url_invalid');
    expect(await reasonOf('http://127.0.0.1:1/closed.pdf')).toBe('503 url_unreachable');
  });

  it('a server that does not allow private networks refuses a loopback URL before connecting', async () => {
    const secret = await wClosed.key(['messages:send'], [wClosed.A.accountId]);
    const before = hits;
    for (const url of [`${base}/price-list.pdf`, `https://127.0.0.1:${new URL(base).port}/price-list.pdf`]) {
      const r = await rest(closed, secret, 'POST', chatPath(wClosed.A.chatId, '/messages'), {
        body: { media: { url } },
      });
      expect(r.status).toBe(400);
      expect((r.json['details'] as { reason: string }).reason).toMatch(/^url_(scheme|private_address)$/);
    }
    expect(hits).toBe(before);
  });
});
