/**
 * The media store as an attacker sees it: a blob belongs to the accounts whose host
 * uploaded it, and whatever an uploader claims as its type, it is served inert.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from './harness';
import { hostWithChat, must, NOW, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const shaOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const get = (sha: string, token: string) =>
  fetch(`${stack.node.url}/api/blobs/${sha}`, { headers: { authorization: `Bearer ${token}` } });
const put = (sha: string, token: string, body: Buffer, type = 'image/jpeg') =>
  fetch(`${stack.node.url}/api/blobs/${sha}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': type },
    body: new Uint8Array(body),
  });

type Host = Awaited<ReturnType<typeof hostWithChat>>;
/** The host pushes a message of its chat carrying this media. */
const pushMedia = (h: Host, sha: string, size: number, id: string) =>
  must(h.host.socket, 'sync:push', {
    messages: [
      {
        accountId: h.accountId,
        chatJid: h.jid,
        providerMessageId: id,
        fromMe: false,
        type: 'image',
        media: { mimeType: 'image/jpeg', sha256: sha, size },
        timestamp: NOW(),
      },
    ],
  });

describe('blob ownership', () => {
  it("a host that names another account's media in its own push never gets the bytes", async () => {
    const a = await hostWithChat(stack);
    const b = await hostWithChat(stack);
    const secret = Buffer.from(`account A's private photo ${Date.now()}`);
    const sha = shaOf(secret);
    await pushMedia(a, sha, secret.length, 'a-photo');
    expect((await put(sha, a.host.token, secret)).status).toBe(201);
    expect((await get(sha, a.host.token)).status).toBe(200);

    // B knows the hash (it leaked, or was guessed from a forwarded file) and references it.
    await pushMedia(b, sha, secret.length, 'b-claims-it');
    const requests: Array<{ accountId: string }> = [];
    b.host.socket.on('media:requested', r => requests.push(r));
    const attempt = await get(sha, b.host.token);
    expect(attempt.status).toBe(503);
    expect(Buffer.from(await attempt.arrayBuffer()).includes(secret)).toBe(false);
    // Its only way in is uploading the bytes itself: a wrong upload earns nothing.
    expect((await put(sha, b.host.token, Buffer.from('not the bytes'))).status).toBe(400);
    expect((await get(sha, b.host.token)).status).toBe(503);
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    expect(requests.every(r => r.accountId === b.accountId)).toBe(true);

    // A's own members are unaffected, and so is an admin, who sees both chats.
    const admin = await stack.device('admin');
    const ok = await get(sha, admin.token);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(secret)).toBe(true);
  });

  it('a host that really has the bytes earns its account ownership by uploading them again', async () => {
    const a = await hostWithChat(stack);
    const b = await hostWithChat(stack);
    const shared = Buffer.from(`a photo forwarded to both numbers ${Date.now()}`);
    const sha = shaOf(shared);
    await pushMedia(a, sha, shared.length, 'fw-a');
    await pushMedia(b, sha, shared.length, 'fw-b');
    expect((await put(sha, a.host.token, shared)).status).toBe(201);
    expect((await get(sha, b.host.token)).status).toBe(503);
    expect((await put(sha, b.host.token, shared)).status).toBe(201);
    const ok = await get(sha, b.host.token);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(shared)).toBe(true);
  });
});

describe('blob headers', () => {
  it('serves an upload claiming to be HTML as an opaque attachment that cannot be sniffed or run', async () => {
    const h = await hostWithChat(stack);
    const page = Buffer.from(`<html><script>alert(document.cookie)</script>${Date.now()}</html>`);
    const sha = shaOf(page);
    await pushMedia(h, sha, page.length, 'html');
    expect((await put(sha, h.host.token, page, 'text/html')).status).toBe(201);
    const res = await get(sha, h.host.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });

  it('shows an allow-listed image inline, still with nosniff and the sandbox', async () => {
    const h = await hostWithChat(stack);
    const png = Buffer.from(`\x89PNG not really ${Date.now()}`);
    const sha = shaOf(png);
    await pushMedia(h, sha, png.length, 'png');
    expect((await put(sha, h.host.token, png, 'image/png')).status).toBe(201);
    const res = await get(sha, h.host.token);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  });
});

describe('upload asks', () => {
  it('a burst of GETs for a file the server does not hold asks its host once', async () => {
    const a = await hostWithChat(stack);
    const sha = shaOf(Buffer.from(`not uploaded yet ${Date.now()}`));
    await pushMedia(a, sha, 10, 'burst');
    const requests: unknown[] = [];
    a.host.socket.on('media:requested', r => requests.push(r));
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(sha, a.host.token)));
    expect(answers.every(r => r.status === 503)).toBe(true);
    // Anything emitted has arrived once a later round trip on the same socket came back.
    await must(a.host.socket, 'settings:get', {});
    expect(requests).toHaveLength(1);
  });
});
