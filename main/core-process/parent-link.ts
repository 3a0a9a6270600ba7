/**
 * How the core process hears its parent: Electron's process.parentPort (a utilityProcess,
 * which can also hand over MessagePorts), or Node's child_process IPC (tests, scripts).
 */
import type { ChannelPort } from '../../common/core-channel';

/** A transferred port as the core process sees it (Electron's MessagePortMain). */
export type TransferredPort = {
  postMessage(message: unknown): void;
  on(event: 'message', cb: (e: { data: unknown }) => void): void;
  on(event: 'close', cb: () => void): void;
  start(): void;
  close(): void;
};

export type ParentLink = {
  readonly kind: 'utility-process' | 'child-process';
  post(msg: unknown): void;
  onMessage(cb: (msg: unknown, ports: readonly TransferredPort[]) => void): void;
  /** The parent went away (child_process only: Electron kills its utility processes). */
  onDisconnect(cb: () => void): void;
};

type ParentPort = {
  postMessage(msg: unknown): void;
  on(event: 'message', cb: (e: { data: unknown; ports?: readonly TransferredPort[] }) => void): void;
};

export function parentLink(proc: NodeJS.Process = process): ParentLink | null {
  const parentPort = (proc as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      kind: 'utility-process',
      post: msg => parentPort.postMessage(msg),
      onMessage: cb => parentPort.on('message', e => cb(e.data, e.ports ?? [])),
      onDisconnect: () => {},
    };
  }
  if (typeof proc.send !== 'function') return null;
  return {
    kind: 'child-process',
    post: msg => {
      if (proc.connected) proc.send?.(msg, undefined, undefined, err => void err);
    },
    onMessage: cb => proc.on('message', msg => cb(msg, [])),
    onDisconnect: cb => proc.on('disconnect', cb),
  };
}

/** A MessagePortMain seen as a channel port; `onClose` fires when the window's side goes. */
export function transferredChannelPort(port: TransferredPort, onClose: () => void): ChannelPort {
  port.on('close', onClose);
  return {
    postMessage: msg => port.postMessage(msg),
    onMessage: cb => {
      port.on('message', e => cb(e.data));
      port.start();
    },
  };
}

/** One renderer channel tunnelled through the parent lane as `{ t: 'renderer', msg }`. */
export function tunnelChannelPort(link: ParentLink): { port: ChannelPort; deliver(msg: unknown): void } {
  const listeners: Array<(msg: unknown) => void> = [];
  return {
    port: {
      postMessage: msg => link.post({ t: 'renderer', msg }),
      onMessage: cb => void listeners.push(cb),
    },
    deliver: msg => {
      for (const cb of listeners) cb(msg);
    },
  };
}
