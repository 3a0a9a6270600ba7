/**
 * The renderer↔core wire over any message port (Electron's MessagePort, a tunnel through
 * a child process's IPC in tests). Pure: no node:, no DOM, no zod, so the sandboxed
 * preload bundle stays small. The core side (main/core-process/serve.ts) validates what
 * arrives; this client only trusts messages that have the shape below.
 *
 * Messages are plain data (structured clone: no functions, no class instances).
 */
import type { Reply } from './result';
import { fail } from './result';

/** renderer → core */
export type ChannelCall = { readonly t: 'call'; readonly id: number; readonly name: string; readonly args: unknown };
/** core → renderer: `id` is null when the call was too malformed to carry one. */
export type ChannelReply = { readonly t: 'reply'; readonly id: number | null; readonly reply: Reply<unknown> };
export type ChannelEvent = { readonly t: 'event'; readonly name: string; readonly payload: unknown };
export type ChannelToCore = ChannelCall;
export type ChannelFromCore = ChannelReply | ChannelEvent;

/** The least a port must offer: postMessage plus a way to hear what comes back. */
export type ChannelPort = {
  postMessage(message: unknown): void;
  onMessage(cb: (message: unknown) => void): void;
};

export type ChannelClient = {
  invoke(name: string, args: unknown): Promise<Reply<unknown>>;
  subscribe(name: string, cb: (payload: unknown) => void): () => void;
  /** Answers every call still waiting with `unavailable` (the core process went away). */
  close(): void;
};

export const CHANNEL_CALL_TIMEOUT_MS = 30_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function isReply(v: unknown): v is Reply<unknown> {
  if (!isRecord(v)) return false;
  if (v.ok === true) return 'value' in v;
  return v.ok === false && isRecord(v.error) && typeof v.error.code === 'string';
}

/** Reads one message from the core; anything else is dropped, never thrown on. */
export function parseFromCore(message: unknown): ChannelFromCore | null {
  if (!isRecord(message)) return null;
  if (message.t === 'event' && typeof message.name === 'string') {
    return { t: 'event', name: message.name, payload: message.payload };
  }
  if (message.t === 'reply' && (typeof message.id === 'number' || message.id === null) && isReply(message.reply)) {
    return { t: 'reply', id: message.id, reply: message.reply };
  }
  return null;
}

export type ChannelClientOptions = {
  readonly timeoutMs?: number;
  /** common/ sees no timer API: the preload and Node pass their own setTimeout/clearTimeout. */
  readonly setTimer: (cb: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
};

/** The client both the preload and the tests use: request ids, replies, events, timeouts. */
export function createChannelClient(port: ChannelPort, options: ChannelClientOptions): ChannelClient {
  const timeoutMs = options.timeoutMs ?? CHANNEL_CALL_TIMEOUT_MS;
  const { setTimer, clearTimer } = options;
  const pending = new Map<number, { resolve: (r: Reply<unknown>) => void; timer: unknown }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let closed = false;

  const settle = (id: number, reply: Reply<unknown>) => {
    const call = pending.get(id);
    if (!call) return;
    pending.delete(id);
    clearTimer(call.timer);
    call.resolve(reply);
  };

  port.onMessage(raw => {
    const msg = parseFromCore(raw);
    if (msg === null) return;
    if (msg.t === 'reply') {
      if (msg.id !== null) settle(msg.id, msg.reply);
      return;
    }
    for (const cb of listeners.get(msg.name) ?? []) {
      // One failing subscriber must not keep the event from the others.
      try {
        cb(msg.payload);
      } catch {
        /* the subscriber's own problem */
      }
    }
  });

  return {
    invoke(name, args) {
      if (closed) return Promise.resolve(fail('unavailable', 'The app core has stopped'));
      const id = nextId++;
      return new Promise<Reply<unknown>>(resolve => {
        const timer = setTimer(
          () => settle(id, fail('timeout', `${name}: no answer from the app within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        pending.set(id, { resolve, timer });
        const call: ChannelCall = { t: 'call', id, name, args };
        try {
          port.postMessage(call);
        } catch {
          // A function or another uncloneable value in the argument: the port refuses it.
          settle(id, fail('invalid_args', `${name}: the argument cannot be sent to the app core`));
        }
      });
    },
    subscribe(name, cb) {
      const set = listeners.get(name) ?? new Set();
      set.add(cb);
      listeners.set(name, set);
      return () => {
        set.delete(cb);
      };
    },
    close() {
      closed = true;
      for (const id of [...pending.keys()]) settle(id, fail('unavailable', 'The app core has stopped'));
    },
  };
}
