/**
 * The workspace socket's life cycle, as docs/protocol.md ("Connect") describes it for any
 * client: the Socket.IO client retries lost connections itself; when the server drops us
 * (our role changed, or our access ended) we try once more, and a refused handshake says
 * which it was.
 */
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/protocol';
import { handshakeRefusalSchema } from '../../common/wire-schemas';

export type SyncSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type ConnectionHandlers = {
  readonly connected: () => void;
  readonly disconnected: (reason: string) => void;
  /** The session was revoked or the member deactivated: the workspace's data must go. */
  readonly accessRemoved: () => void;
  /** The server does not know this token: sign in again (the data stays). */
  readonly refused: () => void;
  readonly unreachable: (reason: string) => void;
};

/**
 * A refused handshake (`connect_error` "unauthenticated"): does it mean this device's access
 * was removed? Yes when the server says the session was revoked or the member deactivated,
 * whether the device was connected then or learns it on its next start (the access:revoked
 * fact cannot reach a device that was away). With no reason (an older server), the
 * protocol's rule applies: refused right after the server dropped us, access was removed.
 */
export function refusalRemovesAccess(data: unknown, afterServerDrop: boolean): boolean {
  const parsed = handshakeRefusalSchema.safeParse(data);
  if (!parsed.success) return afterServerDrop;
  return parsed.data.reason !== 'unknown_token';
}

export function watchConnection(s: SyncSocket, on: ConnectionHandlers): void {
  let droppedByServer = false;
  s.on('connect', () => {
    droppedByServer = false;
    on.connected();
  });
  s.on('disconnect', reason => {
    droppedByServer = reason === 'io server disconnect';
    if (droppedByServer) s.connect();
    on.disconnected(reason);
  });
  s.on('connect_error', err => {
    if (!/unauthori[sz]ed|unauthenticated/i.test(err.message)) return on.unreachable(err.message);
    s.close();
    const data: unknown = 'data' in err ? err.data : undefined;
    if (refusalRemovesAccess(data, droppedByServer)) on.accessRemoved();
    else on.refused();
  });
}
