/**
 * The 'status.changed' trigger (#17): a member's chat:set-status runs the rules whose from/to
 * fit, once per change; a rule's own setStatus is no trigger. Real MariaDB, socket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleAction, RuleBody, RuleTrigger } from '../../../common/automation/rules/schema';
import type { Stack } from './harness';
import { call, must, startStack } from './harness';
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

const ruleOf = (n: AutomatedNumber, name: string, trigger: RuleTrigger, actions: RuleAction[]): RuleBody => ({
  name,
  enabled: true,
  stopAfter: false,
  trigger,
  conditions: [{ kind: 'number', accountIds: [n.accountId] }],
  actions,
});

const chatOf = (n: AutomatedNumber, jid: string) => must(n.admin, 'chat:get', { chatId: `${n.accountId}:${jid}` });

async function setStatus(n: AutomatedNumber, jid: string, status: 'open' | 'pending' | 'resolved') {
  const { chat } = await chatOf(n, jid);
  return must(n.admin, 'chat:set-status', { chatId: chat.id, status, version: chat.version });
}

async function runsOf(n: AutomatedNumber, ruleId: string): Promise<number> {
  const [rows] = await stack.node.app.database.raw.query(
    'select count(*) as n from automation_rule_runs where rule_id = ? and chat_id like ?',
    [ruleId, `${n.accountId}:%`],
  );
  return Number((rows as Array<{ n: number }>)[0]?.n);
}

describe('status.changed', () => {
  it('runs the rules whose from and to fit the change, once per change', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    const done = await must(n.admin, 'rules:save', {
      rule: ruleOf(n, 'Closed after waiting', { type: 'status.changed', from: 'pending', to: 'resolved' }, [
        { kind: 'addTag', tag: 'closed-after-wait' },
        { kind: 'note', text: 'Closed while pending' },
      ]),
    });
    const reopened = await must(n.admin, 'rules:save', {
      rule: ruleOf(n, 'Reopened', { type: 'status.changed', to: 'open' }, [{ kind: 'addTag', tag: 'reopened' }]),
    });
    await n.write('62811@c.us', 'hello', now, { id: 'st-1' });

    await setStatus(n, '62811@c.us', 'resolved'); // open → resolved: neither rule
    expect((await chatOf(n, '62811@c.us')).chat.tags).toEqual([]);
    await setStatus(n, '62811@c.us', 'open'); // resolved → open: "Reopened"
    await setStatus(n, '62811@c.us', 'pending');
    await setStatus(n, '62811@c.us', 'resolved'); // pending → resolved: "Closed after waiting"
    const got = await chatOf(n, '62811@c.us');
    expect(got.chat.status).toBe('resolved');
    expect(got.chat.tags).toEqual(['reopened', 'closed-after-wait']);
    expect(got.notes.map(x => [x.authorId, x.body])).toEqual([['automation', 'Closed while pending']]);
    expect(await runsOf(n, done.id)).toBe(1);
    expect(await runsOf(n, reopened.id)).toBe(1);

    // The same status again is no change; a stale version is refused and runs nothing.
    await setStatus(n, '62811@c.us', 'resolved');
    const stale = await call(n.admin, 'chat:set-status', {
      chatId: got.chat.id,
      status: 'open',
      version: got.chat.version - 1,
    });
    expect(stale).toMatchObject({ ok: false });
    expect(await runsOf(n, done.id)).toBe(1);
    expect(await runsOf(n, reopened.id)).toBe(1);
  });

  it("a rule's own setStatus does not trigger status rules", async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, quiet);
    await must(n.admin, 'rules:save', {
      rule: ruleOf(n, 'Park', { type: 'message.received' }, [{ kind: 'setStatus', status: 'pending' }]),
    });
    const parked = await must(n.admin, 'rules:save', {
      rule: ruleOf(n, 'On pending', { type: 'status.changed', to: 'pending' }, [{ kind: 'addTag', tag: 'parked' }]),
    });
    await n.write('62822@c.us', 'hi', now, { id: 'st-2' });
    const got = await chatOf(n, '62822@c.us');
    expect(got.chat.status).toBe('pending');
    expect(got.chat.tags).toEqual([]);
    expect(await runsOf(n, parked.id)).toBe(0);
  });
});
