/**
 * The host listens before socket.io is loaded (#23: loading it took about 100 ms of the
 * cold start, and the browser can fetch the page meanwhile). A page that connects in that
 * gap must not get a 404 or a closed socket: its requests and WebSocket upgrades for the
 * bridge's path wait here and are handed to socket.io once it is attached.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** A browser opens one or two connections; more than this while loading is not a page. */
const MAX_HELD = 32;

export type BridgeGate = {
  /** True when the request was for the bridge and is held (or refused) until it opens. */
  holdRequest(req: IncomingMessage, res: ServerResponse): boolean;
  /** Socket.io is attached: hand it what waited, and stop holding. */
  open(): void;
  /** The host stops before the bridge opened: end what waited. */
  drop(): void;
};

/**
 * `onHold`: a connection for the bridge is waiting (the host loads the bridge at once then,
 * if it was still putting that off).
 */
export function createBridgeGate(server: Server, path: string, onHold: () => void = () => {}): BridgeGate {
  let state: 'holding' | 'open' | 'dropped' = 'holding';
  const held: Array<{ replay(): void; end(): void }> = [];
  const forBridge = (req: IncomingMessage) => (req.url ?? '').startsWith(path);

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!forBridge(req) || held.length >= MAX_HELD) {
      socket.destroy();
      return;
    }
    held.push({ replay: () => server.emit('upgrade', req, socket, head), end: () => socket.destroy() });
    onHold();
  };
  server.on('upgrade', onUpgrade);

  return {
    holdRequest(req, res) {
      if (state === 'open' || !forBridge(req)) return false;
      if (state === 'dropped' || held.length >= MAX_HELD) {
        res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('starting');
        return true;
      }
      held.push({ replay: () => server.emit('request', req, res), end: () => res.destroy() });
      onHold();
      return true;
    },
    open() {
      if (state !== 'holding') return;
      state = 'open';
      server.off('upgrade', onUpgrade);
      for (const h of held.splice(0)) h.replay();
    },
    drop() {
      if (state !== 'holding') return;
      state = 'dropped';
      server.off('upgrade', onUpgrade);
      for (const h of held.splice(0)) h.end();
    },
  };
}
