/**
 * The host listens before socket.io is attached (#23): a page that connects in that gap
 * waits and is served, over WebSocket and over HTTP long-polling; anything else aimed at
 * the gap is refused without hurting the host.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_BRIDGE_PATH } from '../../../common/ipc';
import { ok } from '../../../common/result';
import { silentLogger } from '../../../main/platform/log';
import type { HostCore, RunningHost } from '../../../main/host/host';
import { startHost } from '../../../main/host/host';
import { invoke } from '../../helpers/host';

const TOKEN = 'gate-token-0123456789';
let host: RunningHost | null = null;
let dir = '';
afterEach(async () => {
  await host?.close();
  host = null;
  rmSync(dir, { recursive: true, force: true });
});

/** A host whose core (and so its bridge) becomes available only when `open()` is called. */
async function slowHost(): Promise<{ host: RunningHost; open(): void }> {
  dir = mkdtempSync(join(tmpdir(), 'blazz-gate-'));
  let open!: () => void;
  const opened = new Promise<void>(resolve => (open = resolve));
  const core: HostCore = {
    dispatch: async (name, args) => ok({ name, args }),
    events: { subscribe: () => () => undefined },
  };
  host = await startHost({
    core: async () => {
      await opened;
      return core;
    },
    port: 0,
    token: TOKEN,
    staticDir: join(process.cwd(), 'dist', 'renderer'),
    uploadsDir: join(dir, 'uploads'),
    log: silentLogger,
  });
  return { host, open };
}

function get(port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, res => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('host bridge gate', () => {
  for (const transport of ['websocket', 'polling'] as const) {
    it(`a page connecting (${transport}) before the bridge is attached waits, then is served`, async () => {
      const { host: h, open } = await slowHost();
      const socket = io(`http://127.0.0.1:${h.port}`, {
        path: HOST_BRIDGE_PATH,
        auth: { token: TOKEN },
        transports: [transport],
        reconnection: false,
        forceNew: true,
      });
      const connected = new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      // The host serves the page meanwhile.
      expect(await get(h.port, '/healthz')).toBe(200);
      await new Promise(r => setTimeout(r, 150));
      expect(socket.connected).toBe(false);
      open();
      await connected;
      await expect(invoke(socket, 'app:ping', { echo: 'x' })).resolves.toEqual({
        ok: true,
        value: { name: 'app:ping', args: { echo: 'x' } },
      });
      socket.close();
    });
  }

  it('closes a WebSocket upgrade aimed elsewhere, and stops cleanly before the bridge ever opened', async () => {
    const { host: h } = await slowHost();
    const closed = await new Promise<boolean>(resolve => {
      const s = connect(h.port, '127.0.0.1', () =>
        s.write('GET /elsewhere HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n'),
      );
      s.on('close', () => resolve(true));
      s.on('error', () => undefined);
    });
    expect(closed).toBe(true);
    const pending = get(h.port, `${HOST_BRIDGE_PATH}/?EIO=4&transport=polling`).catch(() => 0);
    await new Promise(r => setTimeout(r, 50));
    // The core never comes: close still ends at once, and ends the held request with it.
    const t0 = Date.now();
    await h.close();
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(await pending).toBe(0);
    host = null;
  });
});
