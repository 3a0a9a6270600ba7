/**
 * The benchmark's agents in a thread of their own: 1,000 devices decoding every fact are
 * 1,000 machines in the product, not work for the thread that runs the server under test.
 * Told to watch a chat, the thread answers the moment a chat:updated fact naming its
 * member reaches that member's socket (epoch ms, high resolution).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { SyncEvent } from '../../common/protocol';
import { connectMany } from '../server/setup';

export type AgentsWorkerData = { readonly url: string; readonly agents: ReadonlyArray<{ id: string; token: string }> };
export type AgentsWorkerIn = { readonly watch: string } | { readonly close: true };
export type AgentsWorkerOut = { readonly ready: true } | { readonly chatId: string; readonly at: number };

const port = parentPort!;
const { url, agents } = workerData as AgentsWorkerData;
const watched = new Set<string>();
/** Arrivals heard before the watch for them (the fact can overtake the port's message). */
const early = new Map<string, number>();
const sockets = await connectMany(
  url,
  agents.map(a => a.token),
);
const arrived = (chatId: string, at: number) => port.postMessage({ chatId, at } satisfies AgentsWorkerOut);
sockets.forEach((socket, i) => {
  const memberId = agents[i]!.id;
  socket.on('sync:facts', (facts: SyncEvent[]) => {
    const at = performance.timeOrigin + performance.now();
    for (const f of facts) {
      if (f.type !== 'chat:updated' || f.chat.assigneeId !== memberId) continue;
      if (watched.delete(f.chat.id)) arrived(f.chat.id, at);
      else if (!early.has(f.chat.id)) early.set(f.chat.id, at);
    }
  });
});
port.on('message', (msg: AgentsWorkerIn) => {
  if ('watch' in msg) {
    const at = early.get(msg.watch);
    early.clear();
    if (at === undefined) watched.add(msg.watch);
    else arrived(msg.watch, at);
  } else {
    for (const s of sockets) s.disconnect();
    port.close();
  }
});
port.postMessage({ ready: true } satisfies AgentsWorkerOut);
