/**
 * Automation's jobs (#17): a status change's 'status.changed' rules are recorded in the
 * change's own commit. A server that stops before running them leaves them in
 * automation_jobs; when servers come back (here two nodes with Redis, polling the same
 * table at once) each rule acts exactly once per change. Real MariaDB and Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleBody } from '../../../common/automation/rules/schema';
import { startRedis } from '../../helpers/redis';
import type { RedisServer } from '../../helpers/redis';
import type { Node, Stack } from './harness';
import { must, startNode, startStack } from './harness';
import { automatedNumber, MONDAY, NO_GREETING, OFF } from './automation-world';

const clock = () => MONDAY;
let redis: RedisServer;
let stack: Stack;
const extra: Node[] = [];
beforeAll(async () => {
  redis = await startRedis();
  // This node records jobs and runs none: as if it stopped right after each status commit.
  stack = await startStack({ redisUrl: redis.url, clock, automationJobs: { paused: true } });
});
afterAll(async () => {
  for (const n of extra) await n.app.close();
  await stack?.stop();
  await redis?.stop();
});

async function count(node: Node, sql: string, args: unknown[]): Promise<number> {
  const [rows] = await node.app.database.raw.query(sql, args);
  return Number((rows as Array<{ n: number }>)[0]?.n);
}

describe('status.changed rules as jobs', () => {
  it('run once after the server stopped before them, also with two nodes picking them up at once', async () => {
    const n = await automatedNumber(stack, { hours: null, away: OFF, greeting: NO_GREETING });
    const rule: RuleBody = {
      name: 'On resolve',
      enabled: true,
      stopAfter: false,
      trigger: { type: 'status.changed', to: 'resolved' },
      conditions: [{ kind: 'number', accountIds: [n.accountId] }],
      actions: [
        { kind: 'addTag', tag: 'closed' },
        { kind: 'note', text: 'Closed by a member' },
      ],
    };
    const saved = await must(n.admin, 'rules:save', { rule });
    const jids = Array.from({ length: 8 }, (_, i) => `62877${i}@c.us`);
    for (const jid of jids) {
      await n.write(jid, 'hello', MONDAY, { id: `job-${jid}` });
      const { chat } = await must(n.admin, 'chat:get', { chatId: `${n.accountId}:${jid}` });
      await must(n.admin, 'chat:set-status', { chatId: chat.id, status: 'resolved', version: chat.version });
    }
    const first = stack.node;
    const like = `${n.accountId}:%`;
    // Committed: the status and one pending job per change; nothing acted yet.
    expect(
      await count(first, 'select count(*) as n from chats where id like ? and status = ?', [like, 'resolved']),
    ).toBe(8);
    expect(
      await count(
        first,
        "select count(*) as n from automation_jobs where chat_id like ? and kind = 'status' and done_at is null",
        [like],
      ),
    ).toBe(8);
    expect(await count(first, 'select count(*) as n from automation_rule_runs where rule_id = ?', [saved.id])).toBe(0);

    // The server stops; two nodes start on the same database and Redis and poll at once.
    await first.app.close();
    const [b, c] = await Promise.all([
      startNode(stack.mariadb.url, { redisUrl: redis.url, clock, automationJobs: { pollMs: 20 } }),
      startNode(stack.mariadb.url, { redisUrl: redis.url, clock, automationJobs: { pollMs: 20 } }),
    ]);
    stack.node = b!;
    extra.push(c!);
    await Promise.all([b!.app.automationJobs.idle(), c!.app.automationJobs.idle()]);
    await Promise.all([b!.app.automationJobs.idle(), c!.app.automationJobs.idle()]);

    expect(await count(b!, 'select count(*) as n from automation_rule_runs where rule_id = ?', [saved.id])).toBe(8);
    expect(
      await count(b!, "select count(*) as n from notes where chat_id like ? and body = 'Closed by a member'", [like]),
    ).toBe(8);
    expect(
      await count(b!, 'select count(*) as n from automation_jobs where chat_id like ? and done_at is null', [like]),
    ).toBe(0);
    const [rows] = await b!.app.database.raw.query('select tags from chats where id like ?', [like]);
    for (const r of rows as Array<{ tags: string }>) expect(JSON.parse(r.tags)).toEqual(['closed']);

    // Yet another restart finds nothing left to do.
    const d = await startNode(stack.mariadb.url, { redisUrl: redis.url, clock, automationJobs: { pollMs: 20 } });
    extra.push(d);
    await d.app.automationJobs.idle();
    expect(await count(d, 'select count(*) as n from automation_rule_runs where rule_id = ?', [saved.id])).toBe(8);

    // A row no schema accepts (written by hand, or by another version) is finished without acting.
    await d.app.database.raw.query(
      "insert into automation_jobs (kind, job_key, chat_id, payload, created_at) values ('status', 'odd', ?, '{\"from\":1}', 0), ('mystery', 'odd', ?, 'not json', 0)",
      [`${n.accountId}:${jids[0]}`, `${n.accountId}:${jids[0]}`],
    );
    // b and c still poll the same table: whichever node claimed the rows must have finished.
    await Promise.all([b!, c!, d].map(node => node.app.automationJobs.idle()));
    expect(
      await count(d, "select count(*) as n from automation_jobs where job_key = 'odd' and done_at is not null", []),
    ).toBe(2);
    expect(await count(d, 'select count(*) as n from automation_rule_runs where rule_id = ?', [saved.id])).toBe(8);
  });
});
