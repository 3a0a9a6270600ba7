import type { Server as HttpServer } from 'node:http';
import { Server as SocketServer } from 'socket.io';
import { HOST_BRIDGE_PATH, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../common/ipc';
import type { Reply } from '../../common/result';
import { MAX_PAYLOAD_BYTES, fail } from '../../common/result';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { Dispatch } from '../core/router';
import { isLoopbackHost, tokenMatches } from './bridge-auth';

export type BridgeOptions = {
  readonly httpServer: HttpServer;
  readonly token: string;
  readonly dispatch: Dispatch;
  readonly events: Pick<EventBus, 'subscribe'>;
  readonly log: Logger;
};

/** The headless host's transport: the same dispatch() the Electron IPC bridge calls. */
export function attachBridge(options: BridgeOptions): SocketServer {
  const { httpServer, token, dispatch, events, log } = options;
  const io = new SocketServer(httpServer, {
    path: HOST_BRIDGE_PATH,
    serveClient: false,
    // Twice the command limit, so a too-large argument gets a clear error reply from
    // dispatch instead of a silent disconnect; beyond this the transport drops the socket.
    maxHttpBufferSize: MAX_PAYLOAD_BYTES * 2,
    allowRequest: (req, callback) => callback(null, isLoopbackHost(req)),
  });

  io.use((socket, next) => {
    if (tokenMatches(token, (socket.handshake.auth as Record<string, unknown> | undefined)?.token)) {
      next();
      return;
    }
    log.warn('bridge connection refused: wrong or missing token', { address: socket.handshake.address });
    next(new Error('unauthorized: wrong or missing access token'));
  });

  io.on('connection', socket => {
    socket.on(IPC_INVOKE_CHANNEL, async (name: unknown, args: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return; // a call without an ack cannot be answered
      const reply: Reply<unknown> = await dispatch(name, args, { transport: 'host', caller: socket.id }).catch(
        (err: unknown) => fail('internal', String(err)),
      );
      (ack as (r: Reply<unknown>) => void)(reply);
    });
  });

  const unsubscribe = events.subscribe((name, payload) => {
    io.emit(IPC_EVENT_CHANNEL, name, payload);
  });
  io.on('close', unsubscribe);
  return io;
}
