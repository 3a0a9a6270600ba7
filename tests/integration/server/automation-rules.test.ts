import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleBody } from '../../../common/automation/rules/schema';
import type { Stack } from './harness';
import { call, must, startNode, startStack } from './harness';
import type { AutomatedNumber } from './automation-world';
import { automatedNumber, MONDAY, NO_GREETING, OFF } from './automation-world';

let now = MONDAY;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ clock: () => now });
});
afterAll(async () => {
  await stack?.stop();
});

const quiet = { hours: null, away: OFF, greeting: NO_GREETING };

async function template(n: AutomatedNumber, body: string): Promise<string> {
  const shortcut = `t${randomUUID().slice(0, 8)}`;
  return (await must(n.admin, 'template:upsert', { shortcut, title: 'Prices', body })).id;
}

const pricing = (n: AutomatedNumber, templateId: string, extra: Partial<RuleBody> = {}): RuleBody => ({
  name: 'Pricing',
  enabled: true,
  stopAfter: false,
  trigger: { type: 'message.received' },
  conditions: [
    { kind: 'number', accountIds: [n.accountId] },
    { kind: 'textContains', text: 'harga' },
  ],
  actions: [
    { kind: 'reply', templateId },
    { kind: 'addTag', tag: 'pricing' },
  ],
  ...extra,
});

const tagsOf = async (n: AutomatedNumber, jid: string) =>
  (await must(n.admin, 'chat:get', { chatId: `${n.accountId}:${jid}` })).chat.tags;

describe('rules on the push path', () => {
  it('replies with the template and tags the chat, once per message, never for what the number sent', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const rule = await must(n.admin, 'rules:save', {
      rule: pricing(n, await template(n, 'Hi {{contact.name}}, our prices…')),
    });
    await n.write('62811@c.us', 'Berapa HARGA?', now, { id: 'q1' });
    await n.write('62811@c.us', 'Berapa HARGA?', now, { id: 'q1' }); // redelivered
    await n.write('62811@c.us', 'thanks', now + 1);
    await n.write('62811@c.us', 'harga ok', now + 2, { fromMe: true });
    expect(await n.automatedSends()).toEqual([
      { body: 'Hi Sari, our prices…', state: 'forwarded', sender_id: 'automation' },
    ]);
    await expect.poll(() => n.requested.map(s => s.body)).toEqual(['Hi Sari, our prices…']);
    expect(await tagsOf(n, '62811@c.us')).toEqual(['pricing']);
    const runs = await must(n.admin, 'rules:runs', {});
    expect(runs.filter(r => r.ruleId === rule.id).map(r => r.status)).toEqual(['ok']);
    await must(n.admin, 'rules:delete', { id: rule.id });
  });

  it('reads a photo’s caption as its text, as the desktop’s rules do', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const rule = await must(n.admin, 'rules:save', { rule: pricing(n, await template(n, 'Our prices…')) });
    await must(n.host.socket, 'sync:push', {
      chats: [{ accountId: n.accountId, jid: '62812@c.us', isGroup: false, name: 'Budi' }],
      messages: [
        {
          accountId: n.accountId,
          chatJid: '62812@c.us',
          providerMessageId: 'photo1',
          fromMe: false,
          type: 'image',
          body: null,
          caption: 'Berapa harga yang ini?',
          timestamp: now,
        },
      ],
    });
    expect(await tagsOf(n, '62812@c.us')).toEqual(['pricing']);
    expect((await n.automatedSends('62812@c.us')).map(s => s.body)).toEqual(['Our prices…']);
    await must(n.admin, 'rules:delete', { id: rule.id });
  });

  it('a failing rule records why and neither the message nor the other rules are blocked', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const gone = await template(n, 'soon deleted');
    const broken = await must(n.admin, 'rules:save', {
      rule: pricing(n, gone, { actions: [{ kind: 'reply', templateId: gone }] }),
    });
    const tagger = await must(n.admin, 'rules:save', {
      rule: pricing(n, gone, { name: 'Tag', actions: [{ kind: 'addTag', tag: 'pricing' }] }),
    });
    await must(n.admin, 'template:delete', { id: gone });
    await n.write('62822@c.us', 'harga?', now);
    expect(await n.automatedSends()).toEqual([]);
    expect(await tagsOf(n, '62822@c.us')).toEqual(['pricing']);
    const messages = await must(n.admin, 'messages:list', { chatId: `${n.accountId}:62822@c.us` });
    expect(messages.map(m => m.body)).toEqual(['harga?']);
    const runs = await must(n.admin, 'rules:runs', { failedOnly: true });
    expect(runs.filter(r => r.ruleId === broken.id).map(r => r.errorCode)).toEqual(['template_missing']);
    expect(runs.some(r => r.ruleId === tagger.id)).toBe(false);
    for (const id of [broken.id, tagger.id]) await must(n.admin, 'rules:delete', { id });
  });

  it('a customer bot answering every automated reply gets at most three in ten minutes', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const rule = await must(n.admin, 'rules:save', {
      rule: pricing(n, await template(n, 'Our prices: see harga list')),
    });
    // The customer's auto-responder echoes each reply back, which contains 'harga' again.
    for (let i = 0; i < 6; i++) {
      now += 1_000;
      await n.write('62833@c.us', `auto: harga ${i}`, now);
    }
    expect(await n.automatedSends()).toHaveLength(3);
    const runs = (await must(n.admin, 'rules:runs', {})).filter(r => r.ruleId === rule.id);
    expect(runs.filter(r => r.errorCode === 'cool_down')).toHaveLength(3);
    await must(n.admin, 'rules:delete', { id: rule.id });
  });
});

describe('the language condition', () => {
  it('tags only the messages written in one of the rule’s languages', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const rule = await must(n.admin, 'rules:save', {
      rule: {
        name: 'Bahasa',
        enabled: true,
        stopAfter: false,
        trigger: { type: 'message.received' },
        conditions: [
          { kind: 'number', accountIds: [n.accountId] },
          { kind: 'language', languages: ['id'] },
        ],
        actions: [{ kind: 'addTag', tag: 'bahasa' }],
      },
    });
    await n.write('62821@c.us', 'Hello, where is my order?', now, { id: 'en1' });
    await n.write('62822@c.us', 'ok', now, { id: 'short1' });
    await n.write('62823@c.us', 'Halo kak, pesanan saya belum sampai', now, { id: 'id1' });
    expect(await tagsOf(n, '62821@c.us')).toEqual([]);
    expect(await tagsOf(n, '62822@c.us')).toEqual([]);
    expect(await tagsOf(n, '62823@c.us')).toEqual(['bahasa']);
    const tried = await must(n.admin, 'rules:test', { accountId: n.accountId, text: 'ok' });
    expect(tried.trace.find(t => t.ruleId === rule.id)?.conditions).toContainEqual({
      kind: 'language',
      holds: false,
      note: 'no_language',
    });
    await must(n.admin, 'rules:delete', { id: rule.id });
  });
});

describe('exactly once across a restart', () => {
  it('a push redelivered to a restarted server does not run the rule again', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const rule = await must(n.admin, 'rules:save', { rule: pricing(n, await template(n, 'Our prices')) });
    await n.write('62844@c.us', 'harga?', now, { id: 'restart-message' });
    const port = stack.node.port;
    await stack.node.app.close();
    stack.node = await startNode(stack.mariadb.url, { port, clock: () => now });
    const again = await stack.connect(n.host.token);
    // Past the cool-down window, so only the run's unique key can stop a second reply.
    const sentAt = now;
    now += 9 * 60_000;
    await n.write('62844@c.us', 'harga?', sentAt, { id: 'restart-message', via: again });
    expect(await n.automatedSends()).toHaveLength(1);
    n.admin = (await stack.device('admin')).socket;
    await must(n.admin, 'rules:delete', { id: rule.id });
  });
});

describe('rules:test', () => {
  it('shows the trace and what the reply would say, and does nothing', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const draft = pricing(n, await template(n, 'Prices for {{contact.name}} at {{account.name}}'));
    const result = await must(n.admin, 'rules:test', { accountId: n.accountId, text: 'berapa harga?', draft });
    expect(result.trace.map(t => t.outcome)).toEqual(['matched']);
    expect(result.matched[0]?.actions.map(a => [a.action.kind, a.preview, a.problem])).toEqual([
      ['reply', 'Prices for Sample customer at Support line', null],
      ['addTag', null, null],
    ]);
    const miss = await must(n.admin, 'rules:test', { accountId: n.accountId, text: 'hello', draft });
    expect(miss.trace[0]?.conditions.map(c => c.holds)).toEqual([true, false]);
    expect(await n.automatedSends()).toEqual([]);
  });

  it('tries the chat triggers too: a wait of N minutes and a status change', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const base = { enabled: true, stopAfter: false, actions: [{ kind: 'addTag' as const, tag: 'x' }] };
    const scope = [{ kind: 'number' as const, accountIds: [n.accountId] }];
    const waiting: RuleBody = {
      ...base,
      name: 'Wait',
      trigger: { type: 'chat.unanswered', minutes: 30 },
      conditions: scope,
    };
    const solved: RuleBody = {
      ...base,
      name: 'Solved',
      trigger: { type: 'status.changed', to: 'resolved' },
      conditions: scope,
    };
    const test = (draft: RuleBody, extra: object) =>
      must(n.admin, 'rules:test', { accountId: n.accountId, text: '', draft, ...extra });
    expect((await test(waiting, { trigger: 'chat.unanswered', minutes: 45 })).matched).toHaveLength(1);
    expect((await test(waiting, { trigger: 'chat.unanswered', minutes: 10 })).trace[0]?.outcome).toBe('other_trigger');
    expect((await test(waiting, { trigger: 'message.received' })).matched).toHaveLength(0);
    expect((await test(solved, { trigger: 'status.changed', from: 'open', to: 'resolved' })).matched).toHaveLength(1);
    expect((await test(solved, { trigger: 'status.changed', from: 'open', to: 'pending' })).matched).toHaveLength(0);
    expect(await n.automatedSends()).toEqual([]);
  });

  it('refuses to save a catastrophic regex', async () => {
    const n = await automatedNumber(stack, quiet);
    const rule = pricing(n, 'unused', { conditions: [{ kind: 'textRegex', pattern: '(a+)+$' }] });
    const reply = await call(n.admin, 'rules:save', { rule });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('invalid_args');
  });
});
