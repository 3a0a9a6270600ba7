/**
 * Files through the REST API (issue #22): POST /media uploads with the key's messages:send
 * scope and WhatsApp's limits, POST /chats/{chatId}/messages sends it with a caption (an
 * idempotent retry sends once), and GET …/messages/{messageId}/media streams a message's
 * stored file to a key with messages:read.
 */
import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireSend } from '../../../common/protocol';
import { openApiDocument } from '../../../sync-server/src/http/rest/openapi';
import type { Stack } from './harness';
import { must, NOW, startStack } from './harness';
import type { RestWorld } from './rest-helpers';
import { chatPath, rest, restWorld } from './rest-helpers';

let stack: Stack;
let w: RestWorld;
beforeAll(async () => {
  stack = await startStack();
  w = await restWorld(stack);
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

const shaOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const uploadRaw = (secret: string, body: Buffer, headers: Record<string, string>) =>
  fetch(`${stack.node.url}/api/v1/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secret}`, ...headers },
    body: new Uint8Array(body),
  });

/** A POST whose Content-Length says more than is ever sent, refused before it is read. */
function declareHuge(secret: string, type: string, length: number): Promise<number | null> {
  return new Promise(resolve => {
    const url = new URL(`${stack.node.url}/api/v1/media`);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${secret}`, 'content-type': type, 'content-length': String(length) },
      },
      res => {
        res.resume();
        resolve(res.statusCode ?? null);
      },
    );
    req.on('error', () => resolve(null));
    req.write(Buffer.alloc(10));
  });
}

describe('REST media', () => {
  it('uploads a file, sends it with a caption once however often retried, and refuses what it must', async () => {
    const secret = await w.key(['messages:send'], [w.A.accountId]);
    const file = Buffer.from(`%PDF-1.4 invoice ${randomUUID()}`);
    const up = await uploadRaw(secret, file, { 'content-type': 'application/pdf', 'x-file-name': 'invoice.pdf' });
    expect(up.status).toBe(201);
    expect(await up.json()).toEqual({
      sha256: shaOf(file),
      size: file.length,
      mimeType: 'application/pdf',
      fileName: 'invoice.pdf',
    });

    const offered: WireSend[] = [];
    w.A.host.socket.on('send:requested', s => offered.push(s));
    const key = randomUUID();
    const send = () =>
      rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
        body: { body: 'Your invoice', media: { sha256: shaOf(file), fileName: 'invoice.pdf' } },
        headers: { 'idempotency-key': key },
      });
    const first = await send();
    expect(first.status).toBe(202);
    expect(first.json).toMatchObject({
      body: 'Your invoice',
      attachment: { sha256: shaOf(file), mimeType: 'application/pdf', fileName: 'invoice.pdf', size: file.length },
    });
    const again = await send();
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json['clientMessageId']).toBe(first.json['clientMessageId']);
    await expect.poll(() => offered.filter(s => s.body === 'Your invoice').length).toBe(1);

    // A media-only message needs no caption; an unknown file is not found.
    const bare = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
      body: { media: { sha256: shaOf(file) } },
    });
    expect(bare.status).toBe(202);
    const unknown = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
      body: { media: { sha256: 'f'.repeat(64) } },
    });
    expect(unknown.status).toBe(404);
    expect((await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), { body: {} })).status).toBe(400);

    // Hostile uploads: an active type, no length to check, over the limits.
    const active = await uploadRaw(secret, file, { 'content-type': 'text/html' });
    expect(active.status).toBe(400);
    expect(await active.json()).toMatchObject({
      type: '/problems/invalid_args',
      detail: 'media_unsupported',
      details: { reason: 'media_unsupported' },
    });
    expect(await declareHuge(secret, 'video/mp4', 16 * 1024 * 1024 + 1)).toBe(413);
    expect(await declareHuge(secret, 'application/pdf', 100 * 1024 * 1024 + 1)).toBe(413);
  });

  it('refuses keys without the scope', async () => {
    const reader = await w.key(['messages:read'], [w.A.accountId]);
    const file = Buffer.from(`photo ${randomUUID()}`);
    const up = await uploadRaw(reader, file, { 'content-type': 'image/jpeg' });
    expect(up.status).toBe(403);
    const sender = await w.key(['messages:send'], [w.A.accountId]);
    const media = await rest(stack, sender, 'GET', chatPath(w.A.chatId, '/messages/anything/media'));
    expect(media.status).toBe(403);
  });

  it("streams a message's stored file, and asks its host when the server has none yet", async () => {
    const reader = await w.key(['messages:read'], [w.A.accountId]);
    const photo = Buffer.from(`customer photo ${randomUUID()}`);
    const sha = shaOf(photo);
    const id = `in-${randomUUID()}`;
    await must(w.A.host.socket, 'sync:push', {
      messages: [
        {
          accountId: w.A.accountId,
          chatJid: w.A.jid,
          providerMessageId: id,
          fromMe: false,
          type: 'image',
          media: { mimeType: 'image/jpeg', sha256: sha, size: photo.length },
          timestamp: NOW(),
        },
      ],
    });
    const asks: unknown[] = [];
    w.A.host.socket.on('media:requested', r => asks.push(r));
    const path = `/api/v1${chatPath(w.A.chatId, `/messages/${encodeURIComponent(id)}/media`)}`;
    const get = () => fetch(`${stack.node.url}${path}`, { headers: { authorization: `Bearer ${reader}` } });
    const early = await get();
    expect(early.status).toBe(503);
    await expect.poll(() => asks.length).toBe(1);
    const put = await fetch(`${stack.node.url}/api/blobs/${sha}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${w.A.host.token}`, 'content-type': 'image/jpeg' },
      body: new Uint8Array(photo),
    });
    expect(put.status).toBe(201);
    const got = await get();
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await got.arrayBuffer()).equals(photo)).toBe(true);
    // A message without media, and a chat of a number the key does not cover, are 404s.
    const other = await w.key(['messages:read'], [w.B.accountId]);
    const refused = await fetch(`${stack.node.url}${path}`, { headers: { authorization: `Bearer ${other}` } });
    expect(refused.status).toBe(404);
  });

  it('is in the OpenAPI document as binary in and out', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.paths['/media']?.['post']?.['requestBody']).toMatchObject({
      content: { '*/*': { schema: { type: 'string', format: 'binary' } } },
    });
    const get = doc.paths['/chats/{chatId}/messages/{messageId}/media']?.['get'];
    expect(get?.['x-scope']).toBe('messages:read');
    expect(get?.['responses']).toMatchObject({
      '200': { content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
    });
  });
});
