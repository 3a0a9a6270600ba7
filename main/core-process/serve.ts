/**
 * Serves the core's router over any message port: the core process gives it the renderer's
 * MessagePort (Electron) or a tunnel through its parent's IPC (tests). Every message is
 * hostile: a malformed one gets an error reply, never an exception.
 */
import type { ChannelCall, ChannelFromCore, ChannelPort } from '../../common/core-channel';
import type { Reply } from '../../common/result';
import { fail } from '../../common/result';
import type { EventBus } from '../platform/event-bus';
import type { CallContext, Dispatch } from '../core/dispatch';

/** A command name is at most this long. */
const MAX_NAME = 200;

/**
 * A call, checked by hand as strictly as the zod schema it replaced (exact keys; a safe
 * non-negative integer id; a name of at most 200 characters; any argument), so that the
 * core process's first step answers without loading zod (#23). Held to that schema by
 * tests/unit/core-process/channel-call.test.ts.
 */
export function parseCall(raw: unknown): ChannelCall | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const keys = Object.keys(r);
  const known = keys.every(k => k === 't' || k === 'id' || k === 'name' || k === 'args');
  if (!known || !('args' in r) || r.t !== 'call') return null;
  const { id, name } = r;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return null;
  if (typeof name !== 'string' || name.length > MAX_NAME) return null;
  return { t: 'call', id, name, args: r.args };
}

export type ServeOptions = {
  readonly dispatch: Dispatch;
  readonly events: Pick<EventBus, 'subscribe'>;
  readonly ctx: CallContext;
  /** Failures to post (an uncloneable value, a closed port) go here instead of crashing. */
  readonly onPostError?: (err: unknown) => void;
};

/** The id of a call even when the rest is wrong, so the caller's promise can settle. */
function idOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** Returns a function that stops forwarding events to this port. */
export function serveChannel(port: ChannelPort, options: ServeOptions): () => void {
  const post = (msg: ChannelFromCore) => {
    try {
      port.postMessage(msg);
    } catch (err) {
      options.onPostError?.(err);
      // A reply that cannot be cloned still owes the caller an answer.
      if (msg.t === 'reply' && msg.reply.ok) {
        try {
          port.postMessage({ t: 'reply', id: msg.id, reply: fail('internal', 'The answer could not be sent') });
        } catch {
          /* the port itself is gone */
        }
      }
    }
  };

  port.onMessage(raw => {
    const call = parseCall(raw);
    if (!call) {
      post({ t: 'reply', id: idOf(raw), reply: fail('invalid_args', 'Malformed message to the app core') });
      return;
    }
    const { id, name, args } = call;
    void options
      .dispatch(name, args, options.ctx)
      .catch((err: unknown): Reply<unknown> => fail('internal', String(err)))
      .then(reply => post({ t: 'reply', id, reply }));
  });

  return options.events.subscribe((name, payload) => post({ t: 'event', name, payload }));
}
