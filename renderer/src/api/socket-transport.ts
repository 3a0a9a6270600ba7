import { io } from 'socket.io-client';
import type { DeskTransport } from '../../../common/api';
import { HOST_BRIDGE_PATH, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../../common/ipc';
import type { Reply } from '../../../common/result';
import { fail } from '../../../common/result';
import type { ConnectionState, Transport } from './transport';

const TOKEN_KEY = 'blazz.hostToken';
const CALL_TIMEOUT_MS = 30_000;

/**
 * The host prints its URL with `#token=…`. Keep the token for this tab and take it out of
 * the address bar, so it is not bookmarked or shared by accident.
 */
export function takeToken(location: Pick<Location, 'hash' | 'pathname' | 'search'>): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    sessionStorage.setItem(TOKEN_KEY, token);
    history.replaceState(null, '', location.pathname + location.search);
    return token;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The bridge's token, also the key of the host's uploads (api/files.ts). */
export const hostToken = (): string | null => sessionStorage.getItem(TOKEN_KEY);

export function createSocketTransport(location: Location): Transport {
  const token = takeToken(location);
  const socket = io({ path: HOST_BRIDGE_PATH, auth: { token }, transports: ['websocket'] });
  let state: ConnectionState = 'connecting';
  const watchers = new Set<(s: ConnectionState) => void>();
  const setState = (next: ConnectionState) => {
    state = next;
    for (const w of watchers) w(next);
  };
  socket.on('connect', () => setState('connected'));
  socket.on('disconnect', () => setState('disconnected'));
  socket.on('connect_error', (err: Error) => {
    // The server refuses a bad token in its middleware; retrying would never succeed.
    if (err.message.startsWith('unauthorized')) {
      socket.disconnect();
      setState('unauthorized');
    } else {
      setState('disconnected');
    }
  });

  const invoke: DeskTransport['invoke'] = async (name, args) => {
    if (state === 'unauthorized') {
      return fail('unauthenticated', 'This page has no valid access token. Open the address the host printed.');
    }
    try {
      const reply = (await socket
        .timeout(CALL_TIMEOUT_MS)
        .emitWithAck(IPC_INVOKE_CHANNEL, name, args)) as Reply<unknown>;
      return reply as Awaited<ReturnType<DeskTransport['invoke']>>;
    } catch {
      return fail('timeout', `${name}: no answer from the app within ${CALL_TIMEOUT_MS / 1000} s`);
    }
  };

  return {
    kind: 'browser',
    invoke,
    subscribe: (name, cb) => {
      const listener = (eventName: unknown, payload: unknown) => {
        if (eventName === name) cb(payload as Parameters<typeof cb>[0]);
      };
      socket.on(IPC_EVENT_CHANNEL, listener);
      return () => {
        socket.off(IPC_EVENT_CHANNEL, listener);
      };
    },
    onConnectionChange: cb => {
      watchers.add(cb);
      cb(state);
      return () => watchers.delete(cb);
    },
  };
}
