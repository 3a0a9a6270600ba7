/**
 * The host device of the push benchmark, in a child process like the viewers: encoding
 * and masking 250 KB batches is the device's work, not the server's, and must not run on
 * the server's event loop. Protocol over IPC:
 *   parent → { url, token, batches }   child → { seconds } | { error }
 * The batches go in order with PUSH_WINDOW of them in flight, as a desktop's push queue sends them.
 */
import type { MessageInput } from '../../common/ingest';
import { PUSH_WINDOW } from '../../common/protocol';
import { connect, must } from './setup';

type Job = { url: string; token: string; batches: MessageInput[][] };

process.once('message', (job: Job) => {
  void (async () => {
    const socket = await connect(job.url, job.token);
    // One unmeasured batch-sized round trip warms the connection and the server's JIT.
    await must(socket, 'sync:pull', { cursor: 0, limit: 1 });
    const started = performance.now();
    let next = 0;
    const lane = async () => {
      while (next < job.batches.length) await must(socket, 'sync:push', { messages: job.batches[next++]! });
    };
    await Promise.all(Array.from({ length: PUSH_WINDOW }, lane));
    const seconds = (performance.now() - started) / 1000;
    socket.disconnect();
    process.send?.({ seconds });
  })().catch((err: unknown) => process.send?.({ error: String(err) }));
});
