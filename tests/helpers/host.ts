import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { HOST_BRIDGE_PATH, IPC_INVOKE_CHANNEL } from '../../common/ipc';
import type { Reply } from '../../common/result';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/core';
import { silentLogger } from '../../main/platform/log';
import type { RunningHost } from '../../main/host/host';
import { startHost } from '../../main/host/host';

export type TestHost = RunningHost & { readonly core: Core; readonly dataDir: string; stop(): Promise<void> };

/** A real core behind a real host on a free loopback port, in a throwaway data folder. */
export async function startTestHost(staticDir = join(process.cwd(), 'dist', 'renderer')): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'blazz-host-'));
  const core = await createCore({ dataDir, shell: 'headless', version: '9.9.9', log: silentLogger });
  const host = await startHost({
    core,
    port: 0,
    token: 'test-token-0123456789',
    staticDir,
    uploadsDir: join(dataDir, 'media', 'uploads'),
    log: silentLogger,
  });
  return {
    ...host,
    core,
    dataDir,
    async stop() {
      await host.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Connects like the renderer does; resolves once connected, rejects with the refusal. */
/** The bridge of the host a page opened: its port and token are in the URL the host printed. */
export function connectBridgeOf(hostUrl: string): Promise<Socket> {
  const url = new URL(hostUrl);
  return connectBridge(Number(url.port), url.hash.replace(/^#token=/, ''));
}

export function connectBridge(port: number, token: string | undefined, hostHeader?: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`http://127.0.0.1:${port}`, {
      path: HOST_BRIDGE_PATH,
      auth: token === undefined ? {} : { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(hostHeader ? { extraHeaders: { Host: hostHeader } } : {}),
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', err => {
      socket.close();
      reject(err);
    });
  });
}

export function invoke(socket: Socket, name: unknown, args: unknown): Promise<Reply<unknown>> {
  return socket.timeout(10_000).emitWithAck(IPC_INVOKE_CHANNEL, name, args) as Promise<Reply<unknown>>;
}
