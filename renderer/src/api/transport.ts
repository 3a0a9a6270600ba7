import type { DeskTransport } from '../../../common/api';
import { createSocketTransport } from './socket-transport';

/** What the Electron preload exposes on window.desk (see preload/index.ts). */
type PreloadBridge = {
  invoke(name: string, args: unknown): Promise<unknown>;
  subscribe(name: string, cb: (payload: unknown) => void): () => void;
  /** The file's path on disk, '' when it has none (older preloads lack it). */
  pathForFile?(file: File): string;
};

declare global {
  interface Window {
    desk?: PreloadBridge;
  }
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'unauthorized';

export type Transport = DeskTransport & {
  readonly kind: 'electron' | 'browser';
  /** Bridge health, for the "reconnecting" banner. Electron IPC is always connected. */
  onConnectionChange(cb: (state: ConnectionState) => void): () => void;
};

function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'electron',
    // The core answers every call with a Reply; the preload passes it through untouched.
    invoke: (name, args) => bridge.invoke(name, args) as ReturnType<DeskTransport['invoke']>,
    subscribe: (name, cb) => bridge.subscribe(name, payload => cb(payload as Parameters<typeof cb>[0])),
    onConnectionChange: cb => {
      cb('connected');
      return () => {};
    },
  };
}

/** Chosen once at start-up: the preload's bridge in Electron, the host's Socket.IO bridge in a browser. */
export function chooseTransport(): Transport {
  return window.desk ? preloadTransport(window.desk) : createSocketTransport(window.location);
}
