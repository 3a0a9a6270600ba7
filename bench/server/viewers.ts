/**
 * A child process holding many viewer sockets, so the clients' own parsing does not run
 * on the server's event loop. Protocol over IPC:
 *   parent → { connect: { url, tokens } }      child → { connected: n }
 *   parent → { expect: providerMessageId }     child → { arrivals: number[] } (epoch ms, fractional)
 *   parent → { stop: true }
 */
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { SYNC_NAMESPACE } from '../../common/protocol';
import type { ClientToServerEvents, ServerToClientEvents, SyncEvent } from '../../common/protocol';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
type Command = { connect?: { url: string; tokens: string[] }; expect?: string; stop?: true };

const now = () => performance.timeOrigin + performance.now();
const sockets: Client[] = [];
let waiting: { id: string; arrivals: number[] } | null = null;

async function connectAll(url: string, tokens: string[]): Promise<void> {
  for (let i = 0; i < tokens.length; i += 20) {
    await Promise.all(
      tokens.slice(i, i + 20).map(
        token =>
          new Promise<void>((resolve, reject) => {
            const s: Client = connectClient(url + SYNC_NAMESPACE, {
              auth: { token },
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              timeout: 120_000,
            });
            s.on('sync:facts', facts => {
              const id = waiting?.id;
              const has = (f: SyncEvent) =>
                f.type === 'messages:upserted' && f.messages.some(m => m.providerMessageId === id);
              if (waiting && facts.some(has)) {
                waiting.arrivals.push(now());
                if (waiting.arrivals.length === sockets.length) {
                  process.send?.({ arrivals: waiting.arrivals });
                  waiting = null;
                }
              }
            });
            s.once('connect', () => resolve());
            s.once('connect_error', reject);
            sockets.push(s);
          }),
      ),
    );
  }
}

process.on('message', (cmd: Command) => {
  if (cmd.connect) {
    connectAll(cmd.connect.url, cmd.connect.tokens).then(
      () => process.send?.({ connected: sockets.length }),
      (err: unknown) => process.send?.({ error: String(err) }),
    );
  } else if (cmd.expect) {
    waiting = { id: cmd.expect, arrivals: [] };
    process.send?.({ ready: true });
  } else if (cmd.stop) {
    for (const s of sockets) s.disconnect();
    process.exit(0);
  }
});
