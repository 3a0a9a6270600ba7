import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL } from '../../../common/ipc';
import type { TestHost } from '../../helpers/host';
import { connectBridge, invoke, startTestHost } from '../../helpers/host';

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost();
});
afterAll(async () => {
  await host.stop();
});

describe('host bridge', () => {
  it('answers commands through the same dispatch as the core', async () => {
    const socket = await connectBridge(host.port, host.token);
    const reply = await invoke(socket, 'app:info', {});
    expect(reply).toMatchObject({
      ok: true,
      value: { name: 'Blazz Desk', version: '9.9.9', shell: 'headless', dataDir: host.dataDir },
    });
    await expect(invoke(socket, 'accounts:list', {})).resolves.toEqual({ ok: true, value: [] });
    socket.close();
  });

  it('refuses a missing or wrong token at the handshake', async () => {
    await expect(connectBridge(host.port, undefined)).rejects.toThrow(/unauthorized/);
    await expect(connectBridge(host.port, 'wrong-token-0123456789')).rejects.toThrow(/unauthorized/);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the right token', async () => {
    await expect(connectBridge(host.port, host.token, 'evil.example:80')).rejects.toThrow();
  });

  it('returns clear errors for bad calls and stays up', async () => {
    const socket = await connectBridge(host.port, host.token);
    await expect(invoke(socket, 'accounts:explode', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_command' },
    });
    await expect(invoke(socket, 'app:ping', { echo: ['not', 'a', 'string'] })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid_args' },
    });
    await expect(invoke(socket, 'app:ping', { echo: 'x'.repeat(1_500_000) })).resolves.toMatchObject({
      ok: false,
      error: { code: 'payload_too_large' },
    });
    // Still serving after all of that.
    await expect(invoke(socket, 'app:ping', { echo: 'still here' })).resolves.toMatchObject({
      ok: true,
      value: { pong: 'still here' },
    });
    socket.close();
  });

  it('forwards core events to connected pages', async () => {
    const socket = await connectBridge(host.port, host.token);
    const received = new Promise<[unknown, unknown]>(resolve =>
      socket.once(IPC_EVENT_CHANNEL, (name, payload) => resolve([name, payload])),
    );
    host.core.events.emit('app:notified', { level: 'info', message: 'hello' });
    await expect(received).resolves.toEqual(['app:notified', { level: 'info', message: 'hello' }]);
    socket.close();
  });

  it('serves the renderer with a strict CSP and refuses path escapes', async () => {
    const get = (path: string) =>
      new Promise<{ status: number; csp: string | undefined }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: host.port, path }, res => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined });
        })
          .on('error', reject)
          .end();
      });
    const index = await get('/');
    expect(index.csp).toContain("script-src 'self'");
    expect(index.csp).toContain("object-src 'none'");
    expect([200, 503]).toContain(index.status); // 503 only when the renderer was never built
    const escape = await get('/..%2f..%2fpackage.json');
    expect(escape.status).not.toBe(200);
    expect((await get('/missing.js')).status).toBe(404);
  });
});
