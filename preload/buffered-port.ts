import type { ChannelPort } from '../common/core-channel';

/** The page's end of the channel (a DOM MessagePort), reduced to what is used here. */
export type PagePort = {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
};

/**
 * The page may call before main's port arrives (the bundle starts while did-finish-load is
 * still on its way): calls wait here and go out, in order, once the port is attached.
 * `check` is structuredClone: an uncloneable argument fails its own call at once, as it
 * would on a real port, instead of breaking the queue later.
 */
export function bufferedPort(check: (value: unknown) => unknown): ChannelPort & { attach(port: PagePort): void } {
  let real: PagePort | null = null;
  const queued: unknown[] = [];
  const listeners: Array<(message: unknown) => void> = [];
  return {
    postMessage(message) {
      if (real) {
        real.postMessage(message);
        return;
      }
      check(message);
      queued.push(message);
    },
    onMessage(cb) {
      listeners.push(cb);
    },
    attach(port) {
      // One page, one port: a second one would be a bug or an attack, not a reconnect.
      if (real) return;
      real = port;
      port.onmessage = event => {
        for (const cb of listeners) cb(event.data);
      };
      for (const message of queued.splice(0)) port.postMessage(message);
    },
  };
}
