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

/** Refusals a fresh sign-in recovers from, keeping the workspace's data. */
export type RecoverableRefusal = 'unknown_token' | 'session_expired';
/** The status's lastError for each (the renderer words it itself from `refusal`). */
export const REFUSAL_WORDS: Readonly<Record<RecoverableRefusal, string>> = {
  unknown_token: 'The workspace no longer accepts this device. Sign in again.',
  session_expired: 'Your session expired. Sign in again.',
};

export type ConnectionHandlers = {
  readonly connected: () => void;
  readonly disconnected: (reason: string) => void;
  /** The session was revoked or the member deactivated: the workspace's data must go. */
  readonly accessRemoved: () => void;
  /** The server does not know this token, or its session expired: sign in again (the data stays). */
  readonly refused: (reason: RecoverableRefusal) => void;
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
  return recoverable(parsed.data.reason) === null;
}

/** An expired session is not a removal: the member still belongs, the device just signs in again. */
function recoverable(reason: string): RecoverableRefusal | null {
  return reason === 'unknown_token' || reason === 'session_expired' ? reason : null;
}

/** Which recoverable refusal the handshake's data names; unknown_token when it names none. */
export function refusalReason(data: unknown): RecoverableRefusal {
  const parsed = handshakeRefusalSchema.safeParse(data);
  return (parsed.success ? recoverable(parsed.data.reason) : null) ?? 'unknown_token';
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
    else on.refused(refusalReason(data));
  });
}
