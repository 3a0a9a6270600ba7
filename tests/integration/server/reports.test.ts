/**
 * Reports on the real MariaDB: a seeded workspace (seed.ts) whose expected figures come from
 * the generator's own record of each conversation (reference.ts), never from the server's
 * code; the time-zone edge at midnight in Asia/Jakarta; who may read which numbers; and a
 * conversation made through the real commands.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireReport, WireReportConversation } from '../../../common/protocol-reports';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, startStack } from './harness';
import type { RefArgs } from './reports/reference';
import { expectedConversations, expectedReport } from './reports/reference';
import type { Truth } from './reports/seed';
import { MIN, seedMidnightEdge, seedWorkspace } from './reports/seed';

let stack: Stack;
let truth: Truth;
let admin: Client;
let lead: Client;
let agent: Client;
const A = 'acct-north';
const B = 'acct-south';
const EDGE = 'acct-night';
const agents: string[] = [];
const NOV = { from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta' } as const;
const SLA_TARGETS: Readonly<Record<string, number>> = { [A]: 30 };

beforeAll(async () => {
  stack = await startStack();
  const adminDevice = await stack.device('admin', 'Zed Admin');
  const leadDevice = await stack.device('lead', 'Lia Lead');
  const agentDevice = await stack.device('agent', 'Ari Agent');
  admin = adminDevice.socket;
  lead = leadDevice.socket;
  agent = agentDevice.socket;
  const names = new Map([
    [adminDevice.id, 'Zed Admin'],
    [leadDevice.id, 'Lia Lead'],
    [agentDevice.id, 'Ari Agent'],
  ]);
  for (const name of ['Ayu', 'Budi', 'Citra', 'Dewi']) {
    const m = await stack.member('agent', name);
    agents.push(m.id);
    names.set(m.id, name);
  }
  const raw = stack.node.app.database.raw;
  truth = await seedWorkspace(raw, {
    accounts: [
      { id: A, name: 'North', members: [agentDevice.id, agents[0]!, agents[1]!, agents[2]!], chats: 40 },
      { id: B, name: 'South', members: [agents[2]!, agents[3]!], chats: 40 },
    ],
    resolvers: [leadDevice.id, adminDevice.id],
    members: names,
    start: Date.parse('2026-10-26T00:00:00Z'),
    until: Date.parse('2026-12-02T00:00:00Z'),
    seed: 18,
  });
  await seedMidnightEdge(raw, truth, EDGE, leadDevice.id);
  // North has a first-response target; South and the night number have none.
  await raw.query('insert into assignment_settings (account_id, sla_minutes, updated_at) values (?, ?, 0)', [
    A,
    SLA_TARGETS[A],
  ]);
  await must(admin, 'account:add-member', { accountId: A, memberId: leadDevice.id });
  await must(admin, 'account:add-member', { accountId: A, memberId: agentDevice.id });
  // The seed wrote around the server: once the report worker has cut every chat, the figures
  // below come from the report tables (the default path), not from reading the messages.
  await stack.node.app.reportTables.idle();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const withoutTime = ({ generatedAt: _g, ...r }: WireReport) => r;
const expected = (a: Omit<RefArgs, 'offsetHours'>, timeZone = 'Asia/Jakarta') => ({
  ...expectedReport(truth, { offsetHours: timeZone === 'UTC' ? 0 : 7, slaTargets: SLA_TARGETS, ...a }),
  timeZone,
});

async function allPages(
  socket: Client,
  args: Record<string, unknown>,
  limit: number,
): Promise<WireReportConversation[]> {
  const out: WireReportConversation[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await must(socket, 'reports:conversations', { ...args, limit, ...(cursor ? { cursor } : {}) });
    out.push(...page.conversations);
    if (page.nextCursor === null) return out;
    cursor = page.nextCursor;
  }
  throw new Error('the pages never ended');
}

describe('the seeded workspace', () => {
  it("an admin's November in Jakarta: every figure matches the reference", async () => {
    // The seed has what the figures must get right: hundreds of conversations, transfers, reopens, nights.
    const inNov = truth.conversations.filter(c => c.openedAt >= Date.parse('2026-10-31T17:00:00Z'));
    expect(inNov.length).toBeGreaterThan(300);
    expect(inNov.filter(c => c.reopens.length > 0).length).toBeGreaterThan(20);
    expect(inNov.filter(c => c.assignees.length > 1).length).toBeGreaterThan(20);
    expect(inNov.filter(c => c.resolutions.length === 0).length).toBeGreaterThan(20);
    const nightly = inNov.filter(c => {
      const h = new Date(c.openedAt + 7 * 3_600_000).getUTCHours();
      return h < 7 || h >= 22;
    });
    expect(nightly.length).toBeGreaterThan(20);
    const got = await must(admin, 'reports:get', NOV);
    expect(got.totals.opened).toBeGreaterThan(300);
    expect(withoutTime(got)).toEqual(expected({ ...NOV, accountIds: [A, B, EDGE] }));
  });

  it("SLA attainment: North's 30-minute target is met and missed; numbers without a target count nothing", async () => {
    const got = await must(admin, 'reports:get', NOV);
    expect(got.sla.met).toBeGreaterThan(10);
    expect(got.sla.missed).toBeGreaterThan(10);
    const north = got.sla.accounts.find(a => a.accountId === A);
    expect(north).toMatchObject({ targetMinutes: 30, met: got.sla.met, missed: got.sla.missed });
    expect(got.sla.accounts.find(a => a.accountId === B)).toMatchObject({
      targetMinutes: null,
      met: 0,
      missed: 0,
      waiting: 0,
      metPct: null,
    });
    expect(got.sla.trend.reduce((n, p) => n + p.met, 0)).toBe(got.sla.met);
  });

  it('weekly trend points start on Mondays and add up to the same figures', async () => {
    const got = await must(admin, 'reports:get', { ...NOV, bucket: 'week' });
    expect(got.trend.map(p => p.start)).toEqual([
      '2026-10-26',
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
      '2026-11-30',
    ]);
    expect(withoutTime(got)).toEqual(expected({ ...NOV, bucket: 'week', accountIds: [A, B, EDGE] }));
  });

  it('filters by number, member and tag', async () => {
    const byAccount = await must(admin, 'reports:get', { ...NOV, accountId: B });
    expect(withoutTime(byAccount)).toEqual(expected({ ...NOV, accountIds: [B] }));
    const byMember = await must(admin, 'reports:get', { ...NOV, memberId: agents[2] });
    expect(byMember.totals.opened).toBeGreaterThan(0);
    expect(withoutTime(byMember)).toEqual(expected({ ...NOV, accountIds: [A, B, EDGE], memberId: agents[2]! }));
    const byTag = await must(admin, 'reports:get', { ...NOV, accountId: A, tag: 'vip' });
    expect(byTag.totals.opened).toBeGreaterThan(0);
    expect(withoutTime(byTag)).toEqual(expected({ ...NOV, accountIds: [A], tag: 'vip' }));
  });

  it('lists the conversations behind the figures, page by page, and by status', async () => {
    const want = expectedConversations(truth, {
      ...NOV,
      offsetHours: 7,
      accountIds: [A, B, EDGE],
      slaTargets: SLA_TARGETS,
    });
    expect(await allPages(admin, NOV, 37)).toEqual(want);
    const reopened = await allPages(admin, { ...NOV, status: 'reopened' }, 1000);
    expect(reopened).toEqual(want.filter(c => c.reopened));
    const open = await allPages(admin, { ...NOV, status: 'open' }, 50);
    expect(open).toEqual(want.filter(c => c.resolvedAt === null));
    const mine = await allPages(admin, { ...NOV, memberId: agents[0] }, 500);
    expect(mine).toEqual(
      expectedConversations(truth, {
        ...NOV,
        offsetHours: 7,
        accountIds: [A, B, EDGE],
        memberId: agents[0]!,
        slaTargets: SLA_TARGETS,
      }),
    );
  });

  it('refuses a cursor it did not give', async () => {
    const reply = await call(admin, 'reports:conversations', { ...NOV, cursor: 'not a cursor' });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('not_found');
  });
});

describe('time zones', () => {
  const day = (d: string, timeZone: string) =>
    must(admin, 'reports:get', { from: d, to: d, timeZone, accountId: EDGE });

  it('a conversation across midnight in Jakarta opens on the 10th and is resolved on the 11th', async () => {
    const tenth = await day('2026-11-10', 'Asia/Jakarta');
    expect(tenth.totals).toMatchObject({ opened: 1, resolved: 0, messagesIn: 1, messagesOut: 1 });
    expect(tenth.firstResponse).toMatchObject({ count: 1, medianMs: 10 * MIN });
    // Tuesday, 23:00 in Jakarta.
    expect(tenth.heatmap[1]![23]).toBe(1);
    const eleventh = await day('2026-11-11', 'Asia/Jakarta');
    expect(eleventh.totals).toMatchObject({ opened: 0, resolved: 1 });
    expect(eleventh.resolution).toMatchObject({ count: 1, medianMs: 50 * MIN });
  });

  it('counting business hours only measures the night number in its open time, across midnight', async () => {
    // Open on Tuesday 23:35–24:00 and Wednesday 00:00–00:10 (Jakarta) only.
    const closed: never[] = [];
    const hours = {
      timeZone: 'Asia/Jakarta',
      week: {
        sun: closed,
        mon: closed,
        tue: [{ start: '23:35', end: '24:00' }],
        wed: [{ start: '00:00', end: '00:10' }],
        thu: closed,
        fri: closed,
        sat: closed,
      },
      holidays: [],
    };
    await stack.node.app.database.raw.query(
      "insert into automation_settings (account_id, hours, away_text, greeting_text, updated_at) values (?, ?, '', '', 0)",
      [EDGE, JSON.stringify(hours)],
    );
    const both = { from: '2026-11-10', to: '2026-11-11', timeZone: 'Asia/Jakarta', accountId: EDGE };
    const got = await must(admin, 'reports:get', { ...both, businessHours: true });
    // Written 23:30, answered 23:40: open 23:35–23:40. Resolved 00:20: open 23:35–24:00 and 00:00–00:10.
    expect(got.firstResponse).toMatchObject({ count: 1, medianMs: 5 * MIN });
    expect(got.resolution).toMatchObject({ count: 1, medianMs: 35 * MIN });
    expect(got.accounts[0]).toMatchObject({ firstResponseMedianMs: 5 * MIN, resolutionMedianMs: 35 * MIN });
    const page = await must(admin, 'reports:conversations', { ...both, businessHours: true });
    expect(page.conversations).toMatchObject([{ firstResponseMs: 5 * MIN, resolutionMs: 35 * MIN }]);
    // Without the option, the same report runs around the clock.
    const plain = await must(admin, 'reports:get', both);
    expect(plain.firstResponse.medianMs).toBe(10 * MIN);
    expect(plain.resolution.medianMs).toBe(50 * MIN);
  });

  it('in UTC the same conversation opens and is resolved on the 10th, at 16:00', async () => {
    const utc = await day('2026-11-10', 'UTC');
    expect(utc.totals).toMatchObject({ opened: 1, resolved: 1 });
    expect(utc.heatmap[1]![16]).toBe(1);
    expect(withoutTime(utc)).toEqual(expected({ from: '2026-11-10', to: '2026-11-10', accountIds: [EDGE] }, 'UTC'));
  });
});

describe('who reads which numbers', () => {
  it('a lead gets the numbers they lead, and nothing of the others', async () => {
    const got = await must(lead, 'reports:get', NOV);
    expect(got.accounts.map(a => a.accountId)).toEqual([A]);
    expect(withoutTime(got)).toEqual(expected({ ...NOV, accountIds: [A] }));
    const list = await allPages(lead, NOV, 1000);
    expect(new Set(list.map(c => c.accountId))).toEqual(new Set([A]));
  });

  it('a lead naming another number is refused; an agent gets no report', async () => {
    for (const [socket, args, code] of [
      [lead, { ...NOV, accountId: B }, 'forbidden'],
      [agent, NOV, 'forbidden'],
      [agent, { ...NOV, accountId: A }, 'forbidden'],
    ] as const) {
      const reply = await call(socket, 'reports:get', args);
      expect(reply.ok ? 'ok' : reply.error.code).toBe(code);
      const list = await call(socket, 'reports:conversations', args);
      expect(list.ok ? 'ok' : list.error.code).toBe(code);
    }
  });
});

describe('through the real commands', () => {
  it('a message pushed by the host and a resolution by a lead make one resolved conversation', async () => {
    const { host, accountId, chatId } = await hostWithChat(stack);
    const { chat } = await must(host.socket, 'chat:get', { chatId });
    await must(host.socket, 'chat:set-status', { chatId, status: 'resolved', version: chat.version });
    const today = new Date().toISOString().slice(0, 10);
    const args = { from: today, to: today, timeZone: 'UTC', accountId };
    const got = await must(admin, 'reports:get', args);
    expect(got.totals).toMatchObject({ opened: 1, resolved: 1, messagesIn: 1 });
    expect(got.members.find(m => m.memberId === host.id)).toMatchObject({ resolved: 1 });
    const page = await must(admin, 'reports:conversations', args);
    expect(page.conversations).toMatchObject([{ chatId, resolvedAt: expect.any(Number), firstResponseAt: null }]);
  });
});
