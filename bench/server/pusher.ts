/**
 * The host device of the push benchmark, in a child process like the viewers: encoding
 * and masking 250 KB batches is the device's work, not the server's, and must not run on
 * the server's event loop. Protocol over IPC (the parent interleaves push rounds with its
 * baseline):
 *   parent → { type: 'connect', url, token }   child → { ready: true } | { error }
 *   parent → { type: 'push', batches }         child → { seconds } | { error }
 * The batches go in order with PUSH_WINDOW of them in flight, as a desktop's push queue sends them.
 */
import type { MessageInput } from '../../common/ingest';
import { PUSH_WINDOW } from '../../common/protocol';
import type { Client } from './setup';
import { connect, must } from './setup';

type Command = { type: 'connect'; url: string; token: string } | { type: 'push'; batches: MessageInput[][] };

let socket: Client | null = null;

async function handle(cmd: Command): Promise<object> {
  if (cmd.type === 'connect') {
    socket = await connect(cmd.url, cmd.token);
    // One unmeasured round trip warms the connection and the server's JIT.
    await must(socket, 'sync:pull', { cursor: 0, limit: 1 });
    return { ready: true };
  }
  const s = socket;
  if (!s) throw new Error('not connected');
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < cmd.batches.length) await must(s, 'sync:push', { messages: cmd.batches[next++]! });
  };
  await Promise.all(Array.from({ length: PUSH_WINDOW }, lane));
  return { seconds: (performance.now() - started) / 1000 };
}

process.on('message', (cmd: Command) => {
  handle(cmd).then(
    reply => process.send?.(reply),
    (err: unknown) => process.send?.({ error: String(err) }),
  );
});
process.on('disconnect', () => {
  socket?.disconnect();
  process.exit(0);
});
