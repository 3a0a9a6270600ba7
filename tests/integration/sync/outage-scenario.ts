/**
 * The workspace server goes away for a while and comes back, on the same port and the same
 * MariaDB. Meanwhile the simulated customers keep writing to device A (a lead hosting the
 * number) and both devices queue replies. Afterwards every message must exist exactly once
 * on A, on B (an agent hosting nothing) and in the server's database, and every reply must
 * have gone to the customer exactly once; internal notes queued meanwhile arrive once
 * everywhere too. Shared by the outage test files, which differ
 * only in how long the server is down.
 */
import { createPool } from 'mysql2/promise';
import type { RowDataPacket } from 'mysql2/promise';
import { expect } from 'vitest';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { PASSWORD, must, startNode, startStack } from '../server/harness';
import { allMessages, desktops, signInAndPush } from './desktops';

export type Team = {
  stack: Stack;
  a: Core;
  b: Core;
  accountId: string;
  chatIds: string[];
  /** For afterEach: the desktops' last log lines after a failed test. */
  printLogsIfFailed: ReturnType<typeof desktops>['printLogsIfFailed'];
  stop(): Promise<void>;
};

/** How busy the simulated customers are: modest, the test is about correctness, not load. */
export type Pace = { chatterIntervalMs: number };

/** A lead's desktop hosting a simulated number and an agent's desktop, both signed in, every chat assigned to the agent. */
export async function startTeam(pace: Pace): Promise<Team> {
  const desks = desktops('outage');
  const stack = await startStack();
  const admin = await stack.device('admin', 'Ada Admin');
  const lead = await stack.member('lead', 'Lena Lead');
  const agent = await stack.member('agent', 'Arif Agent');
  const a = await desks.open({ chatterIntervalMs: pace.chatterIntervalMs, ackStepMs: 200, history: 4 });
  const b = await desks.open({ chatterIntervalMs: pace.chatterIntervalMs, ackStepMs: 200, history: 4 });
  const team: Team = {
    stack,
    a,
    b,
    accountId: '',
    chatIds: [],
    printLogsIfFailed: desks.printLogsIfFailed,
    async stop() {
      await a.close();
      await b.close();
      await stack.stop();
      desks.removeAll();
    },
  };
  try {
    // Agents see only their chats here, so everything B has came to it through assignment.
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
    const account = await call(a, 'accounts:add', { provider: 'simulator', name: 'Support' });
    team.accountId = account.id;
    await until(
      'account ready',
      async () => (await call(a, 'accounts:list', {})).find(x => x.id === account.id)?.state === 'ready',
    );
    const chats = await until('all simulated chats stored', async () => {
      const page = await call(a, 'chats:list', {});
      return page.items.length === 3 && page.items;
    });
    team.chatIds = chats.map(c => c.id);
    await signInAndPush(a, stack.node.url, lead.email);
    await must(admin.socket, 'account:add-member', { accountId: account.id, memberId: agent.id });
    await call(b, 'workspace:signIn', { serverUrl: stack.node.url, email: agent.email, password: PASSWORD });
    await until('B online', async () => (await call(b, 'workspace:status', {})).connection === 'online');
    for (const chatId of team.chatIds) await call(a, 'chats:assign', { chatId, assigneeId: agent.id });
    await until('every chat on B', async () => {
      for (const chatId of team.chatIds) if (!(await b.dispatch('chats:get', { chatId }, ctx)).ok) return false;
      return true;
    });
  } catch (err) {
    await team.stop();
    throw err;
  }
  return team;
}

const ctx = { transport: 'internal' } as const;

type ServerRow = { providerMessageId: string; body: string | null; fromMe: boolean };

async function serverMessages(databaseUrl: string, accountId: string): Promise<ServerRow[]> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: 1 });
  try {
    const [rows] = await pool.query<RowDataPacket[]>(
      'select provider_message_id, body, from_me from messages where account_id = ? order by row_id',
      [accountId],
    );
    return rows.map(r => ({
      providerMessageId: String(r.provider_message_id),
      body: r.body === null ? null : String(r.body),
      fromMe: Boolean(r.from_me),
    }));
  } finally {
    await pool.end();
  }
}

async function serverNotes(databaseUrl: string, chatIds: readonly string[]): Promise<string[]> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: 1 });
  try {
    const [rows] = await pool.query<RowDataPacket[]>('select body from notes where chat_id in (?)', [chatIds]);
    return rows.map(r => String(r.body));
  } finally {
    await pool.end();
  }
}

const idsOf = async (core: Core, chatIds: readonly string[]): Promise<string[]> => {
  const lists = await Promise.all(chatIds.map(id => allMessages(core, id)));
  return lists.flat().map(m => m.providerMessageId);
};

const sorted = (xs: readonly string[]) => [...xs].sort();

/** '' when every copy holds the same ids once each; otherwise what each copy lacks or repeats. */
function describeDifference(copies: Record<string, readonly string[]>): string {
  const all = new Set(Object.values(copies).flat());
  const lines: string[] = [];
  for (const [name, ids] of Object.entries(copies)) {
    const have = new Set(ids);
    const missing = [...all].filter(id => !have.has(id));
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (missing.length) lines.push(`${name} lacks ${missing.length}: ${missing.slice(0, 10).join(', ')}`);
    if (repeated.length) lines.push(`${name} repeats ${repeated.length}: ${repeated.slice(0, 10).join(', ')}`);
  }
  return lines.join('\n');
}
const countOf = (xs: readonly (string | null)[], x: string) => xs.filter(y => y === x).length;

/**
 * Stops the server for `downtimeMs`, replying from both devices every `replyEveryMs`
 * meanwhile, restarts it and checks that everything converged exactly once.
 */
export async function outage(team: Team, opts: { downtimeMs: number; replyEveryMs: number; tag: string }) {
  const { stack, a, b, chatIds } = team;
  const port = stack.node.port;
  const before = await idsOf(a, chatIds);

  await stack.node.app.close();
  const downAt = Date.now();
  await until(
    'both desktops notice the server is gone',
    async () =>
      (await call(a, 'workspace:status', {})).connection !== 'online' &&
      (await call(b, 'workspace:status', {})).connection !== 'online',
  );

  // Replies queued on both sides while the server is down, spread over the whole outage.
  const replies: { body: string; from: 'A' | 'B'; clientMessageId: string }[] = [];
  const notes: { chatId: string; body: string }[] = [];
  for (let i = 0; Date.now() - downAt < opts.downtimeMs - 1_000; i++) {
    const chatId = chatIds[i % chatIds.length]!;
    for (const [from, core] of [
      ['A', a],
      ['B', b],
    ] as const) {
      const body = `${opts.tag} reply ${i} from ${from}`;
      const sent = await call(core, 'messages:send', { chatId, text: body });
      replies.push({ body, from, clientMessageId: sent.clientMessageId ?? '' });
      // Internal notes wait in the device's note queue while the server is away.
      const note = await call(core, 'notes:add', { chatId, body: `${opts.tag} note ${i} from ${from}` });
      expect(note.pending).toBe(true);
      notes.push({ chatId, body: note.body });
    }
    await new Promise(r =>
      setTimeout(r, Math.min(opts.replyEveryMs, Math.max(0, opts.downtimeMs - (Date.now() - downAt)))),
    );
  }
  // The agent's replies wait on B: nobody can carry them to the number while the server is away.
  const onADuring = (await Promise.all(chatIds.map(id => allMessages(a, id)))).flat();
  for (const r of replies.filter(x => x.from === 'B')) expect(onADuring.some(m => m.body === r.body)).toBe(false);
  const remaining = opts.downtimeMs - (Date.now() - downAt);
  if (remaining > 0) await new Promise(r => setTimeout(r, remaining));
  const arrivedMeanwhile = (await idsOf(a, chatIds)).filter(id => !before.includes(id));
  // The customers kept writing (and A's own replies went out): there is something to catch up.
  expect(arrivedMeanwhile.length).toBeGreaterThan(replies.length / 2);
  expect((await call(a, 'workspace:status', {})).pendingPush).toBeGreaterThan(0);

  stack.node = await startNode(stack.mariadb.url, { port });

  const settle = 120_000;
  await until(
    'A online with everything pushed',
    async () => {
      const s = await call(a, 'workspace:status', {});
      return s.connection === 'online' && s.pendingPush === 0;
    },
    settle,
  );
  await until('B online', async () => (await call(b, 'workspace:status', {})).connection === 'online', settle);
  await until(
    'every reply sent through the number and confirmed on its device',
    async () => {
      const onA = (await Promise.all(chatIds.map(id => allMessages(a, id)))).flat();
      const onB = (await Promise.all(chatIds.map(id => allMessages(b, id)))).flat();
      return replies.every(r => {
        const hostCopy = onA.filter(m => m.body === r.body);
        const own = (r.from === 'A' ? onA : onB).filter(m => m.clientMessageId === r.clientMessageId);
        return (
          hostCopy.length >= 1 &&
          hostCopy.every(m => m.ack !== 'pending') &&
          own.length >= 1 &&
          own.every(m => ['sent', 'delivered', 'read'].includes(m.ack))
        );
      });
    },
    settle,
  );
  // The customers stop writing (their number is stopped on A), so the three copies are compared
  // at rest: a message arriving between reading A and reading the server is not a difference.
  await call(a, 'accounts:stop', { accountId: team.accountId });
  // Convergence: A, B and the server hold the same set of messages.
  let difference = '';
  await until(
    'A, B and the server agree',
    async () => {
      const onA = await idsOf(a, chatIds);
      const onB = await idsOf(b, chatIds);
      const onServer = (await serverMessages(stack.mariadb.url, team.accountId)).map(m => m.providerMessageId);
      difference = describeDifference({ A: onA, B: onB, server: onServer });
      return difference === '';
    },
    settle,
  ).catch((err: unknown) => {
    // Say which copy is missing what: a timeout alone does not tell a lost push from a skipped pull.
    throw new Error(`${String(err)}\n${difference}`);
  });

  // Queued notes reach the other device and the server, once each.
  const noteBodies = async (core: Core) =>
    (await Promise.all(chatIds.map(chatId => call(core, 'notes:list', { chatId })))).flat().map(n => n.body);
  await until(
    'every queued note on both devices and the server',
    async () => {
      const lists = [await noteBodies(a), await noteBodies(b), await serverNotes(stack.mariadb.url, chatIds)];
      return lists.every(list => notes.every(n => list.includes(n.body)));
    },
    settle,
  );
  for (const list of [await noteBodies(a), await noteBodies(b), await serverNotes(stack.mariadb.url, chatIds)])
    for (const n of notes) expect(countOf(list, n.body), n.body).toBe(1);

  const onA = (await Promise.all(chatIds.map(id => allMessages(a, id)))).flat();
  const onB = (await Promise.all(chatIds.map(id => allMessages(b, id)))).flat();
  const onServer = await serverMessages(stack.mariadb.url, team.accountId);
  for (const list of [onA.map(m => m.providerMessageId), onB.map(m => m.providerMessageId)]) {
    expect(new Set(list).size).toBe(list.length);
    expect(sorted(list)).toEqual(sorted(onServer.map(m => m.providerMessageId)));
  }
  for (const id of arrivedMeanwhile)
    expect(
      countOf(
        onB.map(m => m.providerMessageId),
        id,
      ),
    ).toBe(1);
  // Each reply reached the customer once: A's store holds one outgoing message per provider send.
  for (const r of replies) {
    expect(
      onA.filter(m => m.fromMe && m.body === r.body),
      r.body,
    ).toHaveLength(1);
    expect(
      onB.filter(m => m.body === r.body),
      r.body,
    ).toHaveLength(1);
    expect(
      onServer.filter(m => m.fromMe && m.body === r.body),
      r.body,
    ).toHaveLength(1);
  }
  return {
    replies: replies.length,
    notes: notes.length,
    arrivedMeanwhile: arrivedMeanwhile.length,
    total: onServer.length,
  };
}
