import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/router';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import { attachBridge } from './bridge';
import { createUploads } from './uploads';
import { serveStatic } from '../core/renderer-assets';

export type RunningHost = {
  readonly port: number;
  readonly token: string;
  /** The address to open, token in the fragment. */
  readonly url: string;
  close(): Promise<void>;
};

export type StartHostOptions = {
  /** The core in its own process (main/host/core-process.ts), or in-process in tests. */
  readonly core: { readonly dispatch: Dispatch; readonly events: Pick<EventBus, 'subscribe'> };
  readonly port: number;
  readonly token: string | null;
  readonly staticDir: string;
  /** Where uploaded attachments wait for the core: <data folder>/media/uploads. */
  readonly uploadsDir: string;
  readonly log: Logger;
};

/** HTTP on 127.0.0.1 only: the bridge grants full control of the accounts. */
export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const uploads = createUploads({ token, dir: options.uploadsDir, log: options.log });
  void uploads.sweep();
  const httpServer = createServer((req, res) => {
    if (uploads.handle(req, res)) return;
    if (req.url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    serveStatic(options.staticDir, req, res);
  });
  const io = attachBridge({
    httpServer,
    token,
    dispatch: options.core.dispatch,
    events: options.core.events,
    log: options.log,
  });

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    async close() {
      // io.close() ends with httpServer.close(), which waits for every open request: a
      // page's long-poll or a half-sent request would hold the quit open. Cut them at once.
      const closed = new Promise<void>(resolve => {
        void io.close(() => resolve());
      });
      httpServer.closeAllConnections();
      await closed;
    },
  };
}
