import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_NAMESPACE } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, PASSWORD, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({
    limits: { loginPerIpPerMinute: 10_000, loginPerAccountPerMinute: 3, headersTimeoutMs: 1_000 },
  });
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
    // The budget is per calendar minute: four sign-ins that straddle a minute's end would
    // start a fresh budget halfway, so the test starts with at least 10 s of the minute left.
    const left = 60_000 - (Date.now() % 60_000);
    if (left < 10_000) await new Promise(resolve => setTimeout(resolve, left + 50));
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

/** Writes raw bytes on a fresh TCP connection; resolves with all it got back once the server closes it. */
function raw(port: number, bytes: string, timeoutMs = 5_000): Promise<{ text: string; closed: boolean }> {
  return new Promise(resolve => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed: false });
    }, timeoutMs);
    socket.on('data', c => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), closed: true });
    });
    socket.write(bytes);
  });
}

const healthy = async () => expect((await fetch(`${stack.node.url}/healthz`)).status).toBe(200);

describe('HTTP transports and hostile requests', () => {
  it('answers a bare long-polling handshake once, from engine.io, and stays up', async () => {
    const res = await fetch(`${stack.node.url}/socket.io/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^0\{"sid":/);
    await healthy();
  });

  it('connects, signs in and runs a command over long-polling only, then upgrades to a WebSocket', async () => {
    const m = await stack.member('agent');
    const { token } = await stack.login(m.email);
    const open = (transports: Array<'polling' | 'websocket'>): Client => {
      const socket: Client = connectClient(stack.node.url + SYNC_NAMESPACE, { auth: { token }, transports });
      stack.clients.push(socket);
      return socket;
    };
    const polling = open(['polling']);
    await new Promise<void>((resolve, reject) => {
      polling.once('connect', resolve);
      polling.once('connect_error', reject);
    });
    expect(polling.io.engine.transport.name).toBe('polling');
    expect((await call(polling, 'settings:get', {})).ok).toBe(true);

    const upgrading = open(['polling', 'websocket']);
    await new Promise<void>(resolve => upgrading.io.engine.once('upgrade', () => resolve()));
    expect(upgrading.io.engine.transport.name).toBe('websocket');
    expect((await call(upgrading, 'settings:get', {})).ok).toBe(true);
    polling.disconnect();
    upgrading.disconnect();
  });

  it('refuses a polling handshake without a valid token, as on a WebSocket', async () => {
    const socket: Client = connectClient(stack.node.url + SYNC_NAMESPACE, {
      auth: { token: 'nope' },
      transports: ['polling'],
      reconnection: false,
    });
    stack.clients.push(socket);
    const err = await new Promise<Error>(resolve => socket.once('connect_error', resolve));
    expect(err.message).toBeTruthy();
    await healthy();
  });

  it('answers odd request targets with 400 instead of failing (absolute-form, *, //, bad escapes)', async () => {
    for (const target of ['http://[', 'http://example.test/healthz', '*', '//', '/%', '/%zz', '//evil.test/x']) {
      const { text } = await raw(stack.node.port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      expect(text, target).toMatch(/^HTTP\/1\.1 (400|404) /);
    }
    await healthy();
  });

  it('answers malformed HTTP with a 400 and closes the connection', async () => {
    const { text, closed } = await raw(stack.node.port, 'HELLO\x00\x01 garbage\r\n\r\n');
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(closed).toBe(true);
    const huge = await raw(
      stack.node.port,
      `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`,
    );
    expect(huge.text).toMatch(/^HTTP\/1\.1 431 /);
    await healthy();
  });

  it('closes a connection that sends its headers too slowly (slowloris) with a 408', async () => {
    const started = Date.now();
    const slow = await raw(stack.node.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Partial: ', 6_000);
    expect(slow.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(slow.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(4_000);
    await healthy();
  });
});
