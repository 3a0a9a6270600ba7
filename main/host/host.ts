import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server as SocketServer } from 'socket.io';
import { HOST_BRIDGE_PATH } from '../../common/ipc';
import type { Dispatch } from '../core/router';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import { createBridgeGate } from './bridge-gate';
import { createUploads } from './uploads';
import { serveStatic } from '../core/renderer-assets';

/** With no page asking, the bridge loads this long after the host listens. */
const BRIDGE_IDLE_MS = 250;

export type RunningHost = {
  readonly port: number;
  readonly token: string;
  /** The address to open, token in the fragment. */
  readonly url: string;
  /**
   * Settles once the bridge serves calls (or the host closed first); a page that connects
   * earlier waits, it is not refused.
   */
  readonly bridgeReady: Promise<void>;
  close(): Promise<void>;
};

export type HostCore = { readonly dispatch: Dispatch; readonly events: Pick<EventBus, 'subscribe'> };

export type StartHostOptions = {
  /**
   * The core in its own process (main/host/core-process.ts), or in-process in tests; a
   * function is called once the host listens, so what it loads overlaps the page's load.
   */
  readonly core: HostCore | (() => Promise<HostCore>);
  readonly port: number;
  readonly token: string | null;
  readonly staticDir: string;
  /** Where uploaded attachments wait for the core: <data folder>/media/uploads. */
  readonly uploadsDir: string;
  readonly log: Logger;
};

/**
 * HTTP on 127.0.0.1 only: the bridge grants full control of the accounts. Listens first,
 * serving the page, and attaches the socket bridge right after (#23).
 */
export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const uploads = createUploads({ token, dir: options.uploadsDir, log: options.log });
  void uploads.sweep();
  // The bridge's code (socket.io, ~740 kB) takes this thread 100–300 ms to evaluate: it
  // waits until the page's first file is sent, a bridge connection waits, or BRIDGE_IDLE_MS
  // pass, so it does not hold the page's HTML back (#23).
  let wantBridge = () => {};
  const bridgeWanted = new Promise<void>(resolve => (wantBridge = resolve));
  const idle = setTimeout(() => wantBridge(), BRIDGE_IDLE_MS);
  void bridgeWanted.then(() => clearTimeout(idle));
  const httpServer = createServer((req, res) => {
    if (gate.holdRequest(req, res)) return;
    if (uploads.handle(req, res)) return;
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    res.once('finish', () => setImmediate(wantBridge));
    serveStatic(options.staticDir, req, res);
  });
  const gate = createBridgeGate(httpServer, HOST_BRIDGE_PATH, () => wantBridge());

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, '127.0.0.1', () => resolve());
  });
  let io: SocketServer | null = null;
  let closing = false;
  const bridgeReady = (async () => {
    const connected = Promise.resolve(typeof options.core === 'function' ? options.core() : options.core);
    // Its failure is reported below, once the bridge is wanted; not as an unhandled rejection now.
    connected.catch(() => undefined);
    await bridgeWanted;
    const [{ attachBridge }, core] = await Promise.all([import('./bridge'), connected]);
    if (closing) return;
    io = attachBridge({ httpServer, token, dispatch: core.dispatch, events: core.events, log: options.log });
    gate.open();
  })();
  bridgeReady.catch((err: unknown) => {
    options.log.error('host: the bridge could not start', { err: String(err) });
    gate.drop();
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    bridgeReady,
    async close() {
      // A bridge still loading is not waited for: it will not attach once this is set.
      closing = true;
      wantBridge();
      gate.drop();
      // io.close() ends with httpServer.close(), which waits for every open request: a
      // page's long-poll or a half-sent request would hold the quit open. Cut them at once.
      const closed = new Promise<void>(resolve => {
        if (io) void io.close(() => resolve());
        else httpServer.close(() => resolve());
      });
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
