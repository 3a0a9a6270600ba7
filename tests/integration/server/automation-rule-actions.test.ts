/**
 * The rule actions that act on the team (#17): assign (to a member or back to the pool), an
 * internal note by "automation" and a notice to the assignee and the number's leads. Real
 * MariaDB, real socket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleAction, RuleBody } from '../../../common/automation/rules/schema';
import type { SyncEvent } from '../../../common/protocol';
import type { Stack } from './harness';
import { must, recorder, startStack } from './harness';
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

const onKeyword = (n: AutomatedNumber, actions: RuleAction[], name = 'VIP'): RuleBody => ({
  name,
  enabled: true,
  stopAfter: false,
  trigger: { type: 'message.received' },
  conditions: [
    { kind: 'number', accountIds: [n.accountId] },
    { kind: 'textContains', text: 'vip' },
  ],
  actions,
});

async function agentOn(n: AutomatedNumber, name: string) {
  const agent = await stack.member('agent', name);
  await must(n.admin, 'account:add-member', { accountId: n.accountId, memberId: agent.id });
  return agent;
}

async function presence(sessionId: string): Promise<string> {
  const [rows] = await stack.node.app.database.raw.query('select presence from sessions where id = ?', [sessionId]);
  return String((rows as Array<{ presence: string }>)[0]?.presence);
}

const chatOf = (n: AutomatedNumber, jid: string) => must(n.admin, 'chat:get', { chatId: `${n.accountId}:${jid}` });
const failures = async (n: AutomatedNumber, ruleId: string) =>
  (await must(n.admin, 'rules:runs', { failedOnly: true })).filter(r => r.ruleId === ruleId).map(r => r.errorCode);

describe('assign, note and notify', () => {
  it('assigns to the member, writes the note and tells the assignee and the leads, once per message', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const agent = await agentOn(n, 'Budi');
    const session = await stack.login(agent.email);
    const agentSocket = await stack.connect(session.token);
    const heard = { agent: recorder(agentSocket), lead: recorder(n.host.socket) };
    const rule = await must(n.admin, 'rules:save', {
      rule: onKeyword(n, [
        { kind: 'assign', memberId: agent.id },
        { kind: 'note', text: '{{customer.name}} on {{number.name}} asked for VIP' },
        { kind: 'notify', text: 'VIP customer {{customer.name}}' },
      ]),
    });
    const agentNotice = heard.agent.next('notice:added');
    await n.write('62811@c.us', 'I am VIP', now, { id: 'vip-1' });
    await n.write('62811@c.us', 'I am VIP', now, { id: 'vip-1' }); // redelivered
    const got = await chatOf(n, '62811@c.us');
    expect(got.chat.assigneeId).toBe(agent.id);
    expect(got.notes.map(x => [x.authorId, x.body, x.kind])).toEqual([
      ['automation', 'Sari on Support line asked for VIP', 'note'],
    ]);
    const notice = ((await agentNotice) as Extract<SyncEvent, { type: 'notice:added' }>).notice;
    expect(notice).toMatchObject({ kind: 'rule', text: 'VIP customer Sari', chatName: 'Sari', accountId: n.accountId });
    await expect.poll(() => heard.lead.events.filter(e => e.name === 'notice:added').length).toBe(1);
    // The audit names the rule that assigned.
    const [audit] = await stack.node.app.database.raw.query(
      "select `after` from audit_log where action = 'chat.auto_assign' and chat_id = ?",
      [`${n.accountId}:62811@c.us`],
    );
    expect(JSON.stringify(audit)).toContain(`rule:${rule.id}`);
    expect(await failures(n, rule.id)).toEqual([]);
    // A pull (a desktop that was offline) gets the notice too, addressed to this member only.
    const page = await must(agentSocket, 'sync:pull', { cursor: 0 });
    expect(page.events.filter(e => e.type === 'notice:added')).toHaveLength(1);
    await must(n.admin, 'rules:delete', { id: rule.id });
  });

  it('a deactivated or missing member fails with a code and does not block other rules', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const gone = await agentOn(n, 'Gone');
    await must(n.admin, 'member:update', { memberId: gone.id, active: false });
    const inactive = await must(n.admin, 'rules:save', {
      rule: onKeyword(n, [{ kind: 'assign', memberId: gone.id }], 'inactive'),
    });
    const missing = await must(n.admin, 'rules:save', {
      rule: onKeyword(n, [{ kind: 'assign', memberId: '00000000-0000-4000-8000-000000000000' }], 'missing'),
    });
    const tagger = await must(n.admin, 'rules:save', { rule: onKeyword(n, [{ kind: 'addTag', tag: 'vip' }], 'tag') });
    await n.write('62822@c.us', 'vip please', now);
    const got = await chatOf(n, '62822@c.us');
    expect(got.chat.assigneeId).toBeNull();
    expect(got.chat.tags).toEqual(['vip']);
    expect(await failures(n, inactive.id)).toEqual(['member_inactive']);
    expect(await failures(n, missing.id)).toEqual(['member_missing']);
    expect(await failures(n, tagger.id)).toEqual([]);
    for (const r of [inactive, missing, tagger]) await must(n.admin, 'rules:delete', { id: r.id });
  });

  it('to the pool: the chat leaves its assignee and goes to auto-assignment', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const first = await agentOn(n, 'First');
    const other = await agentOn(n, 'Other');
    await must(n.admin, 'assignment:update', {
      accountId: n.accountId,
      mode: 'off',
      capacities: [],
      reassignAfterMinutes: null,
      slaMinutes: null,
    });
    await n.write('62833@c.us', 'hello', now);
    const before = await chatOf(n, '62833@c.us');
    await must(n.admin, 'chat:assign', { chatId: before.chat.id, assigneeId: first.id, version: before.chat.version });
    const rule = await must(n.admin, 'rules:save', { rule: onKeyword(n, [{ kind: 'assign' }], 'pool') });
    // Assignment off: back to nobody, for the leads.
    await n.write('62833@c.us', 'vip now', now + 1);
    expect((await chatOf(n, '62833@c.us')).chat.assigneeId).toBeNull();
    // Round-robin on with one member online: the pool gives the chat to them.
    await must(n.admin, 'assignment:update', {
      accountId: n.accountId,
      mode: 'round_robin',
      capacities: [],
      reassignAfterMinutes: null,
      slaMinutes: null,
    });
    await must(n.host.socket, 'presence:set', { status: 'away' });
    const s = await stack.login(other.email);
    await stack.connect(s.token);
    await expect.poll(() => presence(s.sessionId)).toBe('online');
    const current = await chatOf(n, '62833@c.us');
    await must(n.admin, 'chat:assign', {
      chatId: current.chat.id,
      assigneeId: first.id,
      version: current.chat.version,
    });
    await n.write('62833@c.us', 'vip again', now + 2);
    expect((await chatOf(n, '62833@c.us')).chat.assigneeId).toBe(other.id);
    expect(await failures(n, rule.id)).toEqual([]);
    await must(n.admin, 'rules:delete', { id: rule.id });
  });
});
