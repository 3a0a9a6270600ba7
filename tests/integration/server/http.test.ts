import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from './harness';
import { hostWithChat, must, PASSWORD, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ limits: { loginPerIpPerMinute: 10_000, loginPerAccountPerMinute: 3 } });
});
afterAll(async () => {
  await stack?.stop();
});

const login = (email: string, password: string) =>
  fetch(`${stack.node.url}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, deviceName: 'laptop' }),
  });

describe('HTTP API', () => {
  it('refuses a wrong password and then rate-limits the account', async () => {
    const m = await stack.member('agent');
    expect((await login(m.email, 'wrong password')).status).toBe(401);
    expect((await login(m.email, PASSWORD)).status).toBe(200);
    expect((await login(m.email, PASSWORD)).status).toBe(200);
    const limited = await login(m.email, PASSWORD);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
  });

  it('refuses a malformed login body', async () => {
    const res = await fetch(`${stack.node.url}/api/login`, { method: 'POST', body: '{"email": 1}' });
    expect(res.status).toBe(400);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    expect((await fetch(`${stack.node.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${stack.node.url}/readyz`);
    expect(await ready.json()).toEqual({ ok: true, checks: { mysql: 'ok' } });
    const metrics = await (await fetch(`${stack.node.url}/metrics`)).text();
    expect(metrics).toContain('blazz_logins_total');
    expect(metrics).toContain('blazz_connected_sockets');
  });

  it('stores media content-addressed and serves it only to members who may see the chat', async () => {
    const { host, accountId } = await hostWithChat(stack);
    const bytes = Buffer.from('a small picture');
    const sha = createHash('sha256').update(bytes).digest('hex');
    await must(host.socket, 'sync:push', {
      messages: [
        {
          accountId,
          chatJid: '628123@c.us',
          providerMessageId: 'pic-1',
          fromMe: false,
          type: 'image',
          caption: 'look',
          media: { mimeType: 'image/jpeg', sha256: sha, size: bytes.length },
          timestamp: Date.now() - 1000,
        },
      ],
    });
    const admin = await stack.device('admin');
    const outsider = await stack.device('lead');
    const get = (token: string) =>
      fetch(`${stack.node.url}/api/blobs/${sha}`, { headers: { authorization: `Bearer ${token}` } });

    const requested = new Promise<{ sha256: string }>(resolve => host.socket.on('media:requested', r => resolve(r)));
    expect((await get(admin.token)).status).toBe(503);
    expect((await requested).sha256).toBe(sha);

    const put = (token: string, body: Buffer) =>
      fetch(`${stack.node.url}/api/blobs/${sha}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/jpeg' },
        body: new Uint8Array(body),
      });
    expect((await put(admin.token, bytes)).status).toBe(403);
    expect((await put(host.token, Buffer.from('other bytes'))).status).toBe(400);
    expect((await put(host.token, bytes)).status).toBe(201);

    const ok = await get(admin.token);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).equals(bytes)).toBe(true);
    expect((await get(outsider.token)).status).toBe(404);
    expect((await fetch(`${stack.node.url}/api/blobs/${sha}`)).status).toBe(401);
  });
});
