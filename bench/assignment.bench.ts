/**
 * Auto-assignment (#17) on a real MariaDB: `automation.assign_decision_p95_ms`, from the
 * host's `sync:push` of a customer's message to a new, unassigned chat until the member it
 * was given receives the chat:updated fact naming them, with every agent of the number
 * connected (1,000 at full scale, 100 quick; their sockets in a worker thread, so decoding
 * 1,000 copies of each fact is not done on the server's thread). Baseline, in the
 * same run: a lead's manual `chat:assign` until the same fact reaches the assignee.
 */
import { performance } from 'node:perf_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AgentsWorkerData, AgentsWorkerIn, AgentsWorkerOut } from './assignment/agents-worker';
import { startMariaDb } from '../tests/helpers/mariadb';
import type { Client } from './server/setup';
import { addAccountMember } from '../sync-server/src/db/repositories/members';
import { connectMany, memberWithDevices, must, percentile, startServer } from './server/setup';
import type { BenchOptions, BenchResult } from './types';

const ACCOUNT = 'bench-assign';
const now = () => performance.timeOrigin + performance.now();
/** The first rounds pay for JIT and socket buffers; not what we measure. */
const WARM_UP = 2;

/** The agents' thread (bench/assignment/agents-worker.ts): watch a chat, hear when its assignee got the fact. */
type Agents = { watch(chatId: string): Promise<number>; close(): Promise<void> };

async function startAgents(url: string, agents: ReadonlyArray<{ id: string; token: string }>): Promise<Agents> {
  const worker = new Worker(new URL('./assignment/agents-worker.mjs', import.meta.url), {
    workerData: { url, agents } satisfies AgentsWorkerData,
  });
  const waiting = new Map<string, (at: number) => void>();
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (msg: AgentsWorkerOut) => {
      if ('ready' in msg) resolve();
      else waiting.get(msg.chatId)?.(msg.at);
    });
  });
  return {
    watch: chatId =>
      new Promise<number>(resolve => {
        waiting.set(chatId, resolve);
        worker.postMessage({ watch: chatId } satisfies AgentsWorkerIn);
      }),
    close: async () => {
      worker.postMessage({ close: true } satisfies AgentsWorkerIn);
      await worker.terminate();
    },
  };
}

function inbound(jid: string, i: number) {
  return {
    chats: [{ accountId: ACCOUNT, jid, isGroup: false, name: `customer ${i}` }],
    messages: [
      {
        accountId: ACCOUNT,
        chatJid: jid,
        providerMessageId: `assign-bench-${i}-${jid}`,
        fromMe: false,
        type: 'text',
        body: 'hello',
        timestamp: Date.now(),
      },
    ],
  };
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const mariadb = await startMariaDb();
  const blobDir = join(opts.workDir, 'blobs-assign');
  mkdirSync(blobDir, { recursive: true });
  const server = await startServer(mariadb.url, blobDir);
  const clients: Client[] = [];
  let agentThread: Agents | null = null;
  try {
    const db = server.app.database.db;
    const lead = await memberWithDevices(db, 'lead', 1);
    const [host] = await connectMany(server.url, lead.tokens);
    clients.push(host!);
    await must(host!, 'account:register', { accountId: ACCOUNT, name: 'Bench', provider: 'simulator' });
    // The hosting lead is a member too: away, so the agents take the chats.
    await must(host!, 'presence:set', { status: 'away' });
    const full = opts.scale === 'full';
    const count = full ? 1_000 : 100;
    const rounds = full ? 50 : 20;
    const agents: Array<{ id: string; token: string }> = [];
    for (let i = 0; i < count; i++) {
      const agent = await memberWithDevices(db, 'agent', 1);
      await addAccountMember(db, ACCOUNT, agent.id);
      agents.push({ id: agent.id, token: agent.tokens[0]! });
    }
    agentThread = await startAgents(server.url, agents);

    // Baseline: mode off, the lead assigns each new chat by hand.
    const manual: number[] = [];
    for (let r = 0; r < rounds + WARM_UP; r++) {
      const jid = `62900${r}@c.us`;
      await must(host!, 'sync:push', inbound(jid, r));
      const chatId = `${ACCOUNT}:${jid}`;
      const { chat } = await must(host!, 'chat:get', { chatId });
      const assignee = agents[r % agents.length]!.id;
      const arrived = agentThread.watch(chatId);
      const started = now();
      await must(host!, 'chat:assign', { chatId, assigneeId: assignee, version: chat.version });
      const at = await arrived;
      if (r >= WARM_UP) manual.push(at - started);
    }

    await must(host!, 'assignment:update', {
      accountId: ACCOUNT,
      mode: 'round_robin',
      reassignAfterMinutes: null,
      slaMinutes: null,
      capacities: [],
    });
    const auto: number[] = [];
    for (let r = 0; r < rounds + WARM_UP; r++) {
      const jid = `62800${r}@c.us`;
      const arrived = agentThread.watch(`${ACCOUNT}:${jid}`);
      const started = now();
      await must(host!, 'sync:push', inbound(jid, r));
      const at = await arrived;
      if (r >= WARM_UP) auto.push(at - started);
    }
    const value = percentile(auto, 95);
    const baseline = percentile(manual, 95);
    return [
      {
        id: 'automation.assign_decision_p95_ms',
        value,
        unit: 'ms p95',
        baseline,
        ratio: baseline > 0 ? value / baseline : 0,
        target: '<= 100',
        note: `push of a new conversation → chat:updated at its assignee, ${count} agents connected (their sockets in a thread of their own, as devices are other machines), one node; p50 ${percentile(auto, 50).toFixed(1)} ms; baseline: a lead's manual chat:assign → the same fact`,
        scale: { agents: count, rounds },
      },
    ];
  } finally {
    for (const c of clients) c.disconnect();
    await agentThread?.close();
    await server.app.close();
    await mariadb.stop();
  }
}
