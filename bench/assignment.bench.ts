/**
 * Auto-assignment (#17) on a real MariaDB: `automation.assign_decision_p95_ms`, from the
 * host's `sync:push` of a customer's message to a new, unassigned chat until the member it
 * was given receives the chat:updated fact naming them, with every agent of the number
 * connected (1,000 at full scale, 100 quick; all sockets in this process). Baseline, in the
 * same run: a lead's manual `chat:assign` until the same fact reaches the assignee.
 */
import { performance } from 'node:perf_hooks';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SyncEvent } from '../common/protocol';
import { startMariaDb } from '../tests/helpers/mariadb';
import type { Client } from './server/setup';
import { addAccountMember } from '../sync-server/src/db/repositories/members';
import { connectMany, memberWithDevices, must, percentile, startServer } from './server/setup';
import type { BenchOptions, BenchResult } from './types';

const ACCOUNT = 'bench-assign';
const now = () => performance.timeOrigin + performance.now();
/** The first rounds pay for JIT and socket buffers; not what we measure. */
const WARM_UP = 2;

/** Resolves with the arrival time of the first chat:updated for `chatId` naming this socket's member. */
function watchAssignee(sockets: ReadonlyMap<string, Client>, chatId: string): Promise<number> {
  return new Promise(resolve => {
    const handlers: Array<() => void> = [];
    for (const [memberId, socket] of sockets) {
      const onFacts = (facts: SyncEvent[]) => {
        const hit = facts.some(
          f => f.type === 'chat:updated' && f.chat.id === chatId && f.chat.assigneeId === memberId,
        );
        if (!hit) return;
        const at = now();
        for (const off of handlers) off();
        resolve(at);
      };
      socket.on('sync:facts', onFacts);
      handlers.push(() => socket.off('sync:facts', onFacts));
    }
  });
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
    const sockets = await connectMany(
      server.url,
      agents.map(a => a.token),
    );
    clients.push(...sockets);
    const byMember = new Map(agents.map((a, i) => [a.id, sockets[i]!]));

    // Baseline: mode off, the lead assigns each new chat by hand.
    const manual: number[] = [];
    for (let r = 0; r < rounds + WARM_UP; r++) {
      const jid = `62900${r}@c.us`;
      await must(host!, 'sync:push', inbound(jid, r));
      const chatId = `${ACCOUNT}:${jid}`;
      const { chat } = await must(host!, 'chat:get', { chatId });
      const assignee = agents[r % agents.length]!.id;
      const arrived = watchAssignee(byMember, chatId);
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
      const arrived = watchAssignee(byMember, `${ACCOUNT}:${jid}`);
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
        note: `push of a new conversation → chat:updated at its assignee, ${count} agents connected (sockets in the bench process), one node; p50 ${percentile(auto, 50).toFixed(1)} ms; baseline: a lead's manual chat:assign → the same fact`,
        scale: { agents: count, rounds },
      },
    ];
  } finally {
    for (const c of clients) c.disconnect();
    await server.app.close();
    await mariadb.stop();
  }
}
