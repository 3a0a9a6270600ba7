/**
 * Attachments on numbers hosted elsewhere (issues #19, #20): a member uploads a file to the
 * server (PUT /api/uploads/<sha256>), sends it with message:send, and the desktop hosting
 * the number downloads it for its own provider. Uploads are checked like hostile input:
 * declared length, sha-256, type and WhatsApp's size limits, and an aborted upload stores
 * nothing and harms nothing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireSend } from '../../../common/protocol';
import type { Stack } from './harness';
import { call, hostWithChat, must, startNode, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const MB = 1024 * 1024;
const shaOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const upload = (sha: string, token: string, body: Buffer, type = 'image/jpeg') =>
  fetch(`${stack.node.url}/api/uploads/${sha}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(body),
  });
/** The stored size, or null when nothing was stored. */
async function stored(sha: string): Promise<number | null> {
  const [rows] = await stack.node.app.database.raw.query<RowDataPacket[]>('select size from blobs where sha256 = ?', [
    sha,
  ]);
  return rows[0] ? Number(rows[0]['size']) : null;
}

/** A raw PUT: the declared length need not be what is sent, and the upload may be cut off. */
function rawPut(
  sha: string,
  token: string,
  o: { length: number; send: Buffer; abort?: boolean; type?: string },
): Promise<number | null> {
  return new Promise(resolve => {
    const url = new URL(`${stack.node.url}/api/uploads/${sha}`);
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': o.type ?? 'image/png',
          'content-length': String(o.length),
        },
      },
      res => {
        res.resume();
        resolve(res.statusCode ?? null);
      },
    );
    req.on('error', () => resolve(null));
    req.write(o.send);
    if (o.abort) setTimeout(() => req.destroy(), 100);
  });
}

describe('uploads', () => {
  it('stores a verified file once and answers its sha-256, size and type', async () => {
    const agent = await stack.device('agent');
    const file = Buffer.from(`a photo of the order ${randomUUID()}`);
    const res = await upload(shaOf(file), agent.token, file);
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({
      ok: true,
      value: { sha256: shaOf(file), size: file.length, mimeType: 'image/jpeg' },
    });
    expect(await stored(shaOf(file))).toBe(file.length);
  });

  it('refuses the wrong bytes, a bad type, no token and an over-size declaration, storing nothing', async () => {
    const agent = await stack.device('agent');
    const file = Buffer.from(`invoice ${randomUUID()}`);
    const sha = shaOf(file);
    expect((await upload(sha, agent.token, Buffer.from('other bytes'))).status).toBe(400);
    const html = await upload(sha, agent.token, file, 'text/html');
    expect(html.status).toBe(400);
    expect(await html.json()).toMatchObject({ error: { code: 'invalid_args', message: 'media_unsupported' } });
    expect((await upload(sha, 'not-a-token', file)).status).toBe(401);
    // Over WhatsApp's 16 MB for media, refused before a byte is read; a document may be larger.
    expect(await rawPut(sha, agent.token, { length: 16 * MB + 1, send: file })).toBe(413);
    expect(await rawPut(sha, agent.token, { length: 100 * MB + 1, send: file, type: 'application/pdf' })).toBe(413);
    expect(await stored(sha)).toBeNull();
  });

  it('refuses an upload cut off before its declared length, and keeps serving', async () => {
    const agent = await stack.device('agent');
    const file = Buffer.alloc(64 * 1024, 7);
    const sha = shaOf(file);
    const status = await rawPut(sha, agent.token, { length: file.length, send: file.subarray(0, 1000), abort: true });
    expect(status === null || status === 400).toBe(true);
    expect(await stored(sha)).toBeNull();
    expect((await fetch(`${stack.node.url}/healthz`)).status).toBe(200);
    expect((await upload(sha, agent.token, file, 'image/png')).status).toBe(201);
  });
});

describe('upload rate', () => {
  it('allows a member as many uploads a minute as sends, then refuses with rate_limited', async () => {
    const limited = await startNode(stack.mariadb.url, { limits: { sendsPerMinute: 2 } });
    try {
      const agent = await stack.device('agent');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        const file = Buffer.from(`upload ${i} ${randomUUID()}`);
        const res = await fetch(`${limited.url}/api/uploads/${shaOf(file)}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'image/png' },
          body: new Uint8Array(file),
        });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([201, 201, 429]);
    } finally {
      await limited.app.close();
    }
  });
});

describe("sending an attachment on a teammate's number", () => {
  it('reaches the host once with the file it alone may download; retries change nothing', async () => {
    const { host, chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const requested: WireSend[] = [];
    host.socket.on('send:requested', (s: WireSend) => requested.push(s));

    const file = Buffer.from(`%PDF-1.4 quotation ${randomUUID()}`);
    const sha = shaOf(file);
    expect((await upload(sha, agent.token, file, 'application/pdf')).status).toBe(201);
    const clientMessageId = randomUUID();
    const attachment = { sha256: sha, mimeType: 'application/pdf', fileName: 'quote.pdf', size: file.length };
    const args = { clientMessageId, chatId, body: 'Ini penawarannya', attachment };
    const first = await must(agent.socket, 'message:send', args);
    const retry = await must(agent.socket, 'message:send', args);
    // The retry answers the stored send (by now forwarded to the host), not a second one.
    expect({ ...retry, state: first.state }).toEqual(first);
    expect(first.attachment).toEqual(attachment);
    await expect.poll(() => requested.length).toBe(1);
    expect(requested[0]).toMatchObject({ clientMessageId, body: 'Ini penawarannya', attachment });

    const fetchAs = (token: string) =>
      fetch(`${stack.node.url}/api/sends/${clientMessageId}/attachment`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const got = await fetchAs(host.token);
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(file)).toBe(true);
    expect((await fetchAs(agent.token)).status).toBe(404);
    expect((await fetchAs(admin.token)).status).toBe(404);

    await must(host.socket, 'send:report', {
      clientMessageId,
      status: 'sent',
      providerMessageId: `wa-${clientMessageId}`,
    });
    const pending = await must(host.socket, 'send:pending', {});
    expect(pending.map(s => s.clientMessageId)).not.toContain(clientMessageId);
    expect(requested).toHaveLength(1);
  });

  it('refuses a file the sender did not upload, a wrong size, and a body-less text', async () => {
    const { chatId, accountId } = await hostWithChat(stack);
    const admin = await stack.device('admin');
    const agent = await stack.device('agent');
    const other = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    const file = Buffer.from(`someone else's photo ${randomUUID()}`);
    const sha = shaOf(file);
    expect((await upload(sha, other.token, file)).status).toBe(201);
    const attachment = { sha256: sha, mimeType: 'image/jpeg', fileName: null, size: file.length };
    const send = (a: unknown, body = '') =>
      call(agent.socket, 'message:send', { clientMessageId: randomUUID(), chatId, body, attachment: a });
    const notMine = await send(attachment);
    expect(!notMine.ok && notMine.error.code).toBe('not_found');
    expect((await upload(sha, agent.token, file)).status).toBe(201);
    const wrongSize = await send({ ...attachment, size: file.length + 1 });
    expect(!wrongSize.ok && wrongSize.error.code).toBe('invalid_args');
    const empty = await send(null);
    expect(!empty.ok && empty.error.code).toBe('invalid_args');
    const ok = await send(attachment);
    expect(ok.ok && ok.value.attachment?.sha256).toBe(sha);
  });
});
