/**
 * Sentiment conditions on the workspace server (#17): an admin sets the workspace's AI
 * endpoint (automationAi:set; the key is never returned), a rule "sentiment is negative →
 * tag" runs after the push's commit through the jobs loop with the loopback
 * OpenAI-compatible server's verdict. Endpoint down, an error or a huge answer → the
 * condition is false and the run is recorded failed with `sentiment_<reason>`. MariaDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleBody } from '../../../common/automation/rules/schema';
import type { FakeOpenAi } from '../../helpers/fake-openai/server';
import { startFakeOpenAi } from '../../helpers/fake-openai/server';
import type { Stack } from './harness';
import { call, must, startStack } from './harness';
import type { AutomatedNumber } from './automation-world';
import { automatedNumber, MONDAY, NO_GREETING, OFF } from './automation-world';

const SECRET = 'sk-live-never-sent-back-0123456789';
let stack: Stack;
let ai: FakeOpenAi;
beforeAll(async () => {
  ai = await startFakeOpenAi();
  stack = await startStack({ clock: () => MONDAY, automationJobs: { pollMs: 50 } });
});
afterAll(async () => {
  await stack?.stop();
  await ai?.close();
});

const verdict = (sentiment: string) => ({ kind: 'text' as const, content: JSON.stringify({ sentiment }) });

async function world(): Promise<{ n: AutomatedNumber; ruleId: string }> {
  const n = await automatedNumber(stack, { hours: null, away: OFF, greeting: NO_GREETING });
  const rule: RuleBody = {
    name: 'Upset customer',
    enabled: true,
    stopAfter: false,
    trigger: { type: 'message.received' },
    conditions: [
      { kind: 'number', accountIds: [n.accountId] },
      { kind: 'sentiment', is: 'negative' },
    ],
    actions: [{ kind: 'addTag', tag: 'upset' }],
  };
  return { n, ruleId: (await must(n.admin, 'rules:save', { rule })).id };
}

async function settle(): Promise<void> {
  await stack.node.app.automationJobs.idle();
}

const tagsOf = async (n: AutomatedNumber, jid: string) =>
  (await must(n.admin, 'chat:get', { chatId: `${n.accountId}:${jid}` })).chat.tags;

const runsOf = async (n: AutomatedNumber, ruleId: string) =>
  (await must(n.admin, 'rules:runs', {})).filter(r => r.ruleId === ruleId && r.chatId.startsWith(n.accountId));

describe('automationAi settings', () => {
  it('stores the key and never sends it back; only http(s) endpoints', async () => {
    const admin = (await stack.device('admin')).socket;
    const set = await must(admin, 'automationAi:set', { baseUrl: ai.url, model: 'mood-1', apiKey: SECRET });
    expect(set).toMatchObject({ baseUrl: ai.url, model: 'mood-1', key: 'set' });
    const got = await must(admin, 'automationAi:get', {});
    expect(JSON.stringify(got)).not.toContain(SECRET);
    expect(got.key).toBe('set');
    // Left out: the key is kept.
    expect((await must(admin, 'automationAi:set', { baseUrl: ai.url, model: 'mood-1' })).key).toBe('set');
    const [rows] = await stack.node.app.database.raw.query('select api_key from automation_ai');
    expect(JSON.stringify(rows)).not.toContain(SECRET);
    const [audit] = await stack.node.app.database.raw.query(
      "select `before`, `after` from audit_log where action = 'automation.ai.update'",
    );
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    for (const baseUrl of ['file:///etc/passwd', 'ftp://example.test/v1', 'javascript:alert(1)'])
      expect(await call(admin, 'automationAi:set', { baseUrl, model: 'm' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_args' },
      });
  });
});

describe('sentiment rules', () => {
  it('tag a negative message once, and not a positive one; the push is not held up', async () => {
    const { n, ruleId } = await world();
    ai.script(verdict('negative'), verdict('positive'));
    await n.write('62811@c.us', 'Pesanan saya belum sampai, ini sangat mengecewakan!', MONDAY, { id: 'neg-1' });
    await n.write('62822@c.us', 'Terima kasih banyak, sudah sampai!', MONDAY, { id: 'pos-1' });
    await settle();
    expect(await tagsOf(n, '62811@c.us')).toEqual(['upset']);
    expect(await tagsOf(n, '62822@c.us')).toEqual([]);
    const asked = ai.requests.slice(-2);
    expect(asked.map(r => r.authorization)).toEqual([`Bearer ${SECRET}`, `Bearer ${SECRET}`]);
    expect(asked[0]?.text).toContain('mengecewakan');
    expect(asked[0]?.model).toBe('mood-1');

    // The same message pushed again: no second request, no second run.
    const before = ai.requests.length;
    await n.write('62811@c.us', 'Pesanan saya belum sampai, ini sangat mengecewakan!', MONDAY, { id: 'neg-1' });
    await settle();
    expect(ai.requests.length).toBe(before);
    const runs = await runsOf(n, ruleId);
    expect(runs.map(r => [r.chatId.split(':')[1], r.status])).toEqual([['62811@c.us', 'ok']]);
  });

  it('an endpoint error, a huge answer or a down endpoint records a failed run and matches nothing', async () => {
    const { n, ruleId } = await world();
    ai.script(
      { kind: 'error', status: 500, message: 'boom' },
      {
        kind: 'raw',
        contentType: 'application/json',
        body: `{"choices":[{"message":{"content":"${'x'.repeat(200_000)}"}}]}`,
      },
      { kind: 'text', content: 'I think the customer is rather cheerful today' },
    );
    await n.write('62831@c.us', 'Buruk sekali', MONDAY, { id: 'err-1' });
    await settle();
    await n.write('62832@c.us', 'Buruk sekali', MONDAY, { id: 'big-1' });
    await settle();
    await n.write('62833@c.us', 'Buruk sekali', MONDAY, { id: 'odd-1' });
    await settle();
    const admin = (await stack.device('admin')).socket;
    await must(admin, 'automationAi:set', { baseUrl: 'http://127.0.0.1:9/v1', model: 'mood-1' });
    await n.write('62834@c.us', 'Buruk sekali', MONDAY, { id: 'down-1' });
    await settle();
    await must(admin, 'automationAi:set', { baseUrl: null });
    await n.write('62835@c.us', 'Buruk sekali', MONDAY, { id: 'off-1' });
    await settle();

    for (const jid of ['62831', '62832', '62833', '62834', '62835']) expect(await tagsOf(n, `${jid}@c.us`)).toEqual([]);
    const codes = new Map((await runsOf(n, ruleId)).map(r => [r.chatId.split(':')[1], [r.status, r.errorCode]]));
    expect(Object.fromEntries(codes)).toEqual({
      '62831@c.us': ['failed', 'sentiment_http'],
      '62832@c.us': ['failed', 'sentiment_too_large'],
      '62833@c.us': ['failed', 'sentiment_invalid_answer'],
      '62834@c.us': ['failed', 'sentiment_network'],
      '62835@c.us': ['failed', 'sentiment_disabled'],
    });
    // The server is still up and answering.
    expect((await must(admin, 'automationAi:get', {})).baseUrl).toBeNull();
  });
});
