/**
 * The conversation index (sync-server/src/reports/conversation-index.ts) against the SQL path
 * (tests/helpers/report-oracle aggregatedReport over the report tables): two server processes on one database,
 * each with its own index, give the SQL figures on a seeded workspace; then chats change through
 * the first server (a new conversation, a reopening and resolutions of an old one), both indexes
 * bring themselves up to date from the database, and still give the SQL figures, for a range
 * that holds the changes and for one that ended before them (cut again as at its end). The second
 * server's reports:get (its handler's own index) gives them too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireReport } from '../../../common/protocol-reports';
import type { RawExec } from '../../../sync-server/src/db/index';
import { anyDirtyChat, markChatsDirty } from '../../../sync-server/src/db/repositories/report-tables';
import { indexedReport } from '../../../sync-server/src/reports/aggregate';
import { aggregatedReport, recutRange } from '../../helpers/report-oracle/sql-report';
import type { ConversationIndex } from '../../../sync-server/src/reports/conversation-index';
import { conversationIndex } from '../../../sync-server/src/reports/conversation-index';
import { changedInIndex } from '../../../sync-server/src/reports/indexed';
import { recutChanged } from '../../../sync-server/src/reports/recut';
import { rangeEnd, rangeStart, zoneOf } from '../../../sync-server/src/reports/zone';
import type { Client, Node, Stack } from './harness';
import { hostWithChat, must, sqlRows, startNode, startStack } from './harness';
import { leadAndAgents, northAndSouth, seedWorkspace } from './reports/seed';

let stack: Stack;
let nodeB: Node;
const SEEDED = ['ix-north', 'ix-south'];

/**
 * Both servers' report workers have cut every queued chat: the queue is empty, and a round that
 * began after that found nothing on each (a worker unqueues its chats before cutting them).
 */
async function settled(): Promise<void> {
  const idle = () => Promise.all([stack.node.app.reportTables.idle(), nodeB.app.reportTables.idle()]);
  for (;;) {
    await idle();
    if (await anyDirtyChat(stack.node.app.database.raw)) continue;
    await idle();
    return;
  }
}

beforeAll(async () => {
  stack = await startStack();
  nodeB = await startNode(stack.mariadb.url);
  const { lead, agents, names } = await leadAndAgents(stack);
  await seedWorkspace(stack.node.app.database.raw, {
    accounts: northAndSouth([SEEDED[0]!, SEEDED[1]!], agents, 20),
    resolvers: [lead],
    members: names,
    start: Date.parse('2026-10-26T00:00:00Z'),
    until: Date.parse('2026-12-02T00:00:00Z'),
    seed: 11,
  });
  await settled();
}, 120_000);
afterAll(async () => {
  await nodeB?.app.close();
  await stack?.stop();
});

type Args = { from: string; to: string; timeZone: string; bucket: 'day' | 'week'; businessHours: false };
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const ranges = (): Args[] => [
  // Holds today's changes (the range ends tomorrow in Jakarta).
  {
    from: '2026-11-09',
    to: day(Date.now() + 86_400_000),
    timeZone: 'Asia/Jakarta',
    bucket: 'day',
    businessHours: false,
  },
  // Ended before them: the chats changed since are cut again as at its end.
  { from: '2026-11-02', to: '2026-11-18', timeZone: 'Asia/Kolkata', bucket: 'week', businessHours: false },
];

const without = ({ generatedAt: _g, ...r }: WireReport) => r;

async function viaSql(raw: RawExec, scope: string[], args: Args) {
  const zone = zoneOf(args.from, args.to, args.timeZone);
  const recut = await recutRange(raw, scope, rangeStart(zone), rangeEnd(zone), 0);
  return without(await aggregatedReport(raw, scope, args, recut, 0));
}

async function viaIndex(ix: ConversationIndex, raw: RawExec, scope: string[], args: Args) {
  await ix.refresh();
  const zone = zoneOf(args.from, args.to, args.timeZone);
  const [start, end] = [rangeStart(zone), rangeEnd(zone)];
  const recut = await recutChanged(raw, changedInIndex(ix, scope, start, end), start, end, 0);
  return without(await indexedReport(raw, ix, scope, args, recut, 0));
}

async function allAccounts(): Promise<string[]> {
  return (await sqlRows(stack, 'select id from accounts')).map(r => String(r['id'])).sort();
}

describe('the conversation index', () => {
  it('gives the SQL figures on two servers, before and after changes made between two reports', async () => {
    const rawA = stack.node.app.database.raw;
    const rawB = nodeB.app.database.raw;
    const ixA = conversationIndex(rawA);
    const ixB = conversationIndex(rawB);
    for (const args of ranges()) {
      const want = await viaSql(rawA, SEEDED, args);
      expect(want.totals.opened).toBeGreaterThan(0);
      expect(await viaIndex(ixA, rawA, SEEDED, args)).toEqual(want);
      expect(await viaIndex(ixB, rawB, SEEDED, args)).toEqual(want);
    }
    const before = await Promise.all(ranges().map(args => viaSql(rawA, SEEDED, args)));

    // Written around the servers (as another process would): a customer's message, a reply and a
    // resolution in the middle of a seeded chat's history, inside both ranges.
    const [old] = await sqlRows(stack, 'select id, account_id from chats where account_id = ? order by id limit 1', [
      SEEDED[0],
    ]);
    const [chatId, accountId] = [String(old!['id']), String(old!['account_id'])];
    const at = Date.parse('2026-11-12T05:00:00Z');
    await rawA.query(
      'insert into messages (account_id, provider_message_id, chat_id, from_me, type, body, ts, ack) values ?',
      [
        [
          [accountId, 'late-in', chatId, false, 'text', 'x', at, 'sent'],
          [accountId, 'late-out', chatId, true, 'text', 'x', at + 20 * 60_000, 'sent'],
        ],
      ],
    );
    const [lead] = await sqlRows(stack, "select id from members where role = 'lead' limit 1");
    await rawA.query(
      'insert into audit_log (member_id, device_id, action, chat_id, `before`, `after`, at) values (?, ?, ?, ?, ?, ?, ?)',
      [
        String(lead!['id']),
        randomUUID(),
        'chat.status',
        chatId,
        JSON.stringify({ status: 'open' }),
        JSON.stringify({ status: 'resolved' }),
        at + 60 * 60_000,
      ],
    );
    await markChatsDirty(rawA, [chatId]);
    stack.node.app.reportTables.kick();
    // Through server A: a new chat on a new number, answered and resolved now.
    const fresh = await hostWithChat(stack, 'ix-new');
    await must(fresh.host.socket, 'sync:push', {
      messages: [
        {
          accountId: fresh.accountId,
          chatJid: fresh.jid,
          providerMessageId: 'r1',
          fromMe: true,
          type: 'text',
          body: 'hi, how can we help?',
          timestamp: Date.now() - 30_000,
        },
      ],
    });
    const { chat } = await must(fresh.host.socket, 'chat:get', { chatId: fresh.chatId });
    await must(fresh.host.socket, 'chat:set-status', {
      chatId: fresh.chatId,
      status: 'resolved',
      version: chat.version,
    });
    await settled();

    const scope = await allAccounts();
    for (const args of ranges()) {
      const want = await viaSql(rawA, scope, args);
      expect(await viaIndex(ixA, rawA, scope, args)).toEqual(want);
      expect(await viaIndex(ixB, rawB, scope, args)).toEqual(want);
    }
    // The changes show: the seeded numbers' figures moved, and the new number has its conversation.
    const after = await Promise.all(ranges().map(args => viaSql(rawA, SEEDED, args)));
    expect(after[0]).not.toEqual(before[0]);
    expect(after[1]).not.toEqual(before[1]);
    const now = await viaIndex(ixB, rawB, scope, ranges()[0]!);
    expect(now.accounts.find(a => a.accountId === 'ix-new')).toMatchObject({ opened: 1, resolved: 1 });
  });

  it("is what the second server's reports:get uses, kept current with the first server's writes", async () => {
    const rawA = stack.node.app.database.raw;
    const admin = await stack.device('admin', 'Ada');
    const socketB: Client = (await stack.connect((await stack.login(admin.email)).token, nodeB.url)) as Client;
    const args = ranges()[0]!;
    const first = await must(socketB, 'reports:get', args);
    expect(without(first)).toEqual(await viaSql(rawA, await allAccounts(), args));
    // Another conversation resolved through server A; then a range not asked for yet (no cached entry).
    const more = await hostWithChat(stack, 'ix-more');
    const { chat } = await must(more.host.socket, 'chat:get', { chatId: more.chatId });
    await must(more.host.socket, 'chat:set-status', { chatId: more.chatId, status: 'resolved', version: chat.version });
    await settled();
    const next = { ...args, timeZone: 'Asia/Kolkata' };
    const second = await must(socketB, 'reports:get', next);
    const want = await viaSql(rawA, await allAccounts(), next);
    expect(without(second)).toEqual(want);
    expect(second.totals.resolved).toBeGreaterThan(first.totals.resolved);
  });
});
