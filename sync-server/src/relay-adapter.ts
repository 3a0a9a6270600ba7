/**
 * The Redis adapter, minus one waste: Socket.IO's in-memory adapter encodes every
 * broadcast for this node's sockets before it looks for any, and the Redis adapter calls
 * it after publishing to the other nodes. A node often has none of a fact's recipients
 * (the host device's node, say), and a push's packet of 1,000 messages costs milliseconds
 * to encode for nobody. This adapter looks for a local recipient first, with the same
 * `apply` the broadcast itself uses, and skips the local encoding when there is none.
 *
 * It relies on two members socket.io-adapter keeps private (`apply`, `_encode`); if a
 * later version renames them, it falls back to the plain Redis adapter.
 */
import { RedisAdapter } from '@socket.io/redis-adapter';
import type { RedisAdapterOptions } from '@socket.io/redis-adapter';

type BroadcastOptions = Parameters<RedisAdapter['broadcast']>[1];
type Internals = {
  apply(opts: BroadcastOptions, callback: (socket: unknown) => void): void;
  _encode(packet: unknown, packetOpts: unknown): unknown[];
};

/** The adapter seen through the internals used here, or null if this version lacks them. */
function internalsOf(adapter: object): Internals | null {
  const a = adapter as Partial<Internals>;
  return typeof a.apply === 'function' && typeof a._encode === 'function' ? (a as Internals) : null;
}

export class RelayAdapter extends RedisAdapter {
  private nobodyHere = false;

  constructor(nsp: unknown, pubClient: unknown, subClient: unknown, opts?: Partial<RedisAdapterOptions>) {
    super(nsp, pubClient, subClient, opts);
    const internals = internalsOf(this);
    if (!internals) return;
    const encode = internals._encode.bind(this);
    // An own property shadows the prototype's: nothing is encoded while nobody here listens.
    internals._encode = (packet, packetOpts) => (this.nobodyHere ? [] : encode(packet, packetOpts));
  }

  /** True when a broadcast with these options reaches at least one socket on this node. */
  private reachesLocalSocket(opts: BroadcastOptions): boolean {
    const internals = internalsOf(this);
    if (!internals) return true;
    let found = false;
    internals.apply.call(this, opts, () => {
      found = true;
    });
    return found;
  }

  override broadcast(packet: unknown, opts: BroadcastOptions): void {
    if (opts.flags?.local || this.reachesLocalSocket(opts)) {
      super.broadcast(packet, opts);
      return;
    }
    this.nobodyHere = true;
    try {
      super.broadcast(packet, opts);
    } finally {
      this.nobodyHere = false;
    }
  }
}

/**
 * The adapter for `io.adapter()`, like `createAdapter` from @socket.io/redis-adapter:
 * Socket.IO constructs it with `new` for each namespace.
 */
export function createRelayAdapter(pubClient: unknown, subClient: unknown, opts?: Partial<RedisAdapterOptions>) {
  return class extends RelayAdapter {
    constructor(nsp: unknown) {
      super(nsp, pubClient, subClient, opts);
    }
  };
}
