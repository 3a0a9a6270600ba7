/**
 * Automation's timers (#17) on real MariaDB with two nodes and Redis: the SLA breach
 * notice, 'chat.unanswered' rules and reassignment, each once across nodes and a restart.
 * The clock is injected; tests move it and wait for the timers' loop to go idle.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleBody } from '../../../common/automation/rules/schema';
import type { AssignmentUpdate } from '../../../common/protocol-assignment';
import { startRedis } from '../../helpers/redis';
import type { RedisServer } from '../../helpers/redis';
import type { Node, Stack } from './harness';
import { must, recorder, startNode, startStack } from './harness';
import type { AutomatedNumber } from './automation-world';
import { automatedNumber, JAKARTA_WEEKDAYS, MONDAY, NO_GREETING, OFF, SATURDAY } from './automation-world';

const MIN = 60_000;
let now = MONDAY;
let redis: RedisServer;
let stack: Stack;
let nodeB: Node;
beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({ clock: () => now, redisUrl: redis.url });
  nodeB = await startNode(stack.mariadb.url, { clock: () => now, redisUrl: redis.url });
});
afterAll(async () => {
  await nodeB?.app.close();
  await stack?.stop();
  await redis?.stop();
});

const quiet = { hours: null, away: OFF, greeting: NO_GREETING };

/** Both nodes' timers look now, at the same time, until neither finds work. */
async function tick(): Promise<void> {
  await Promise.all([stack.node.app.automationTimers.idle(), nodeB.app.automationTimers.idle()]);
}

async function rows(query: string, ...args: unknown[]): Promise<RowDataPacket[]> {
  const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(query, args);
  return r;
}
const noticeCount = async (chatId: string) =>
  Number(
    (await rows(`select count(*) as n from events where type = 'notice:added' and chat_id = ?`, chatId))[0]?.['n'],
  );

async function agentOn(n: AutomatedNumber, name: string, online: boolean) {
  const agent = await stack.member('agent', name);
  await must(n.admin, 'account:add-member', { accountId: n.accountId, memberId: agent.id });
  if (!online) return { ...agent, socket: null, sessionId: null };
  const s = await stack.login(agent.email);
  const socket = await stack.connect(s.token);
  await expect
    .poll(async () => (await rows('select presence from sessions where id = ?', s.sessionId))[0]?.['presence'])
    .toBe('online');
  return { ...agent, socket, sessionId: s.sessionId };
}

const assignment = (n: AutomatedNumber, patch: Partial<AssignmentUpdate>) =>
  must(n.admin, 'assignment:update', {
    accountId: n.accountId,
    mode: 'off',
    capacities: [],
    reassignAfterMinutes: null,
    slaMinutes: null,
    ...patch,
  });

describe('SLA breach', () => {
  it('tells the assignee and the leads once when the first reply is overdue, across two nodes and a restart', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const agent = await agentOn(n, 'Ayu', true);
    await assignment(n, { slaMinutes: 30 });
    const heard = recorder(agent.socket!);
    await n.write('62811@c.us', 'halo', now);
    const chatId = `${n.accountId}:62811@c.us`;
    const chat = await must(n.admin, 'chat:get', { chatId });
    await must(n.admin, 'chat:assign', { chatId, assigneeId: agent.id, version: chat.chat.version });
    now += 29 * MIN;
    await tick();
    expect(await noticeCount(chatId)).toBe(0);
    now += 2 * MIN;
    const notice = heard.next('notice:added');
    await tick();
    expect(await notice).toMatchObject({ notice: { kind: 'sla_breach', chatId, text: null } });
    // The agent and the host's lead; the admin is not a lead of the number.
    expect(await noticeCount(chatId)).toBe(2);
    await tick();
    const port = stack.node.port;
    await stack.node.app.close();
    stack.node = await startNode(stack.mariadb.url, { port, clock: () => now, redisUrl: redis.url });
    await tick();
    expect(await noticeCount(chatId)).toBe(2);
    n.admin = (await stack.device('admin')).socket;
  });

  it('a reply in time announces nothing; with business hours the target counts open time only', async () => {
    now = SATURDAY;
    const n = await automatedNumber(stack, { ...quiet, hours: JAKARTA_WEEKDAYS });
    await assignment(n, { slaMinutes: 30 });
    // Saturday 10:00 in Jakarta: closed until Monday 09:00, so due Monday 09:30 (02:30Z).
    await n.write('62822@c.us', 'halo', now);
    const chatId = `${n.accountId}:62822@c.us`;
    expect((await must(n.admin, 'chat:get', { chatId })).chat.slaDueAt).toBe(Date.parse('2026-11-30T02:30:00Z'));
    now += 60 * MIN;
    await tick();
    expect(await noticeCount(chatId)).toBe(0);
    await n.write('62822@c.us', 'sebentar ya', now, { fromMe: true });
    expect((await must(n.admin, 'chat:get', { chatId })).chat.slaDueAt).toBeNull();
  });
});

const unanswered = (n: AutomatedNumber, minutes: number): RuleBody => ({
  name: 'Nudge',
  enabled: true,
  stopAfter: false,
  trigger: { type: 'chat.unanswered', minutes },
  conditions: [{ kind: 'number', accountIds: [n.accountId] }],
  actions: [
    { kind: 'addTag', tag: 'waiting' },
    { kind: 'note', text: '{{customer.name}} waits' },
  ],
});

describe('chat.unanswered', () => {
  it('runs once per waiting streak after N minutes without a human reply', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const rule = await must(n.admin, 'rules:save', { rule: unanswered(n, 30) });
    const chatId = `${n.accountId}:62833@c.us`;
    const notes = async () => (await must(n.admin, 'chat:get', { chatId })).notes.map(x => x.body);
    await n.write('62833@c.us', 'halo', now);
    await n.write('62833@c.us', 'halo?', now + 5 * MIN);
    now += 29 * MIN;
    await tick();
    expect(await notes()).toEqual([]);
    now += 2 * MIN;
    await tick();
    expect(await notes()).toEqual(['Sari waits']);
    expect((await must(n.admin, 'chat:get', { chatId })).chat.tags).toEqual(['waiting']);
    now += 30 * MIN;
    await tick();
    expect(await notes()).toEqual(['Sari waits']);
    // The team answers; the customer writes again: a new streak, a new run.
    await n.write('62833@c.us', 'maaf', now, { fromMe: true });
    await n.write('62833@c.us', 'ok, dan?', now + MIN);
    now += 32 * MIN;
    await tick();
    expect(await notes()).toEqual(['Sari waits', 'Sari waits']);
    await must(n.admin, 'rules:delete', { id: rule.id });
  });
});

describe('reassignment', () => {
  it('after N minutes without a reply, and when the assignee goes offline, once per streak', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    await must(n.host.socket, 'presence:set', { status: 'away' });
    const a = await agentOn(n, 'A', true);
    const b = await agentOn(n, 'B', true);
    await assignment(n, { mode: 'round_robin', reassignAfterMinutes: 10 });
    const assignee = async (jid: string) =>
      (await must(n.admin, 'chat:get', { chatId: `${n.accountId}:${jid}` })).chat.assigneeId;
    await n.write('62844@c.us', 'halo', now);
    const first = await assignee('62844@c.us');
    expect([a.id, b.id]).toContain(first);
    now += 9 * MIN;
    await tick();
    expect(await assignee('62844@c.us')).toBe(first);
    now += 2 * MIN;
    await tick();
    const second = await assignee('62844@c.us');
    expect(second).not.toBe(first);
    expect([a.id, b.id]).toContain(second);
    now += 15 * MIN;
    await tick();
    expect(await assignee('62844@c.us')).toBe(second);

    // A new chat; its assignee signs off while the customer waits: moved at once.
    await n.write('62855@c.us', 'halo', now);
    const owner = await assignee('62855@c.us');
    const leaving = owner === a.id ? a : b;
    leaving.socket!.disconnect();
    await expect
      .poll(async () => (await rows('select presence from sessions where id = ?', leaving.sessionId))[0]?.['presence'])
      .not.toBe('online');
    await tick();
    expect(await assignee('62855@c.us')).toBe(owner === a.id ? b.id : a.id);
  });
});
