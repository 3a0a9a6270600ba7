import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stack } from './harness';
import { call, must, startNode, startStack } from './harness';
import { automatedNumber, JAKARTA_WEEKDAYS, MONDAY, NO_GREETING, OFF, SATURDAY } from './automation-world';

const MIN = 60_000;
let now = SATURDAY;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ clock: () => now });
});
afterAll(async () => {
  await stack?.stop();
});

const away = { enabled: true, text: 'Hi {{customer.name}}, {{number.name}} opens {{next_opening}}.' };

describe('away message', () => {
  it('answers outside hours once per closed period, relayed through the host, and not inside hours', async () => {
    now = SATURDAY;
    const n = await automatedNumber(stack, { hours: JAKARTA_WEEKDAYS, away, greeting: NO_GREETING });
    await n.write('62811@c.us', 'hello?', now);
    expect(await n.automatedSends()).toEqual([
      { body: 'Hi Sari, Support line opens Mon 30 Nov, 09:00.', state: 'forwarded', sender_id: 'automation' },
    ]);
    await expect.poll(() => n.requested.map(s => s.body)).toEqual(['Hi Sari, Support line opens Mon 30 Nov, 09:00.']);
    // Later the same weekend, past the cool-down: still the same closed period.
    now = SATURDAY + 5 * 3_600_000;
    await n.write('62811@c.us', 'anyone?', now);
    now = MONDAY;
    await n.write('62811@c.us', 'good morning', now);
    await n.write('62822@c.us', 'another customer', now);
    expect(await n.automatedSends()).toHaveLength(1);
  });
});

describe('greeting', () => {
  it('greets a new conversation once, and again after the idle limit', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, {
      hours: null,
      away: OFF,
      greeting: { enabled: true, text: 'Welcome {{customer.name}}!', idleHours: 1 },
    });
    await n.write('62833@c.us', 'hi', now);
    now += 30 * MIN;
    await n.write('62833@c.us', 'still there?', now);
    now += 61 * MIN;
    await n.write('62833@c.us', 'back again', now);
    expect((await n.automatedSends('62833@c.us')).map(s => s.body)).toEqual(['Welcome Sari!', 'Welcome Sari!']);
  });

  it('never answers what the number itself sent', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, {
      hours: null,
      away: OFF,
      greeting: { enabled: true, text: 'Welcome!', idleHours: 1 },
    });
    await n.write('62844@c.us', 'we wrote first', now, { fromMe: true });
    expect(await n.automatedSends()).toEqual([]);
  });
});

describe('exactly once', () => {
  it('a push delivered again, also after a server restart, sends once', async () => {
    now = SATURDAY;
    const n = await automatedNumber(stack, { hours: JAKARTA_WEEKDAYS, away, greeting: NO_GREETING });
    await n.write('62855@c.us', 'hello', now, { id: 'same-message' });
    await n.write('62855@c.us', 'hello', now, { id: 'same-message' });
    expect(await n.automatedSends()).toHaveLength(1);
    const port = stack.node.port;
    await stack.node.app.close();
    stack.node = await startNode(stack.mariadb.url, { port, clock: () => now });
    const again = await stack.connect(n.host.token);
    // Redelivered as late as it still counts as fresh, when the cool-down alone would let it through.
    const sentAt = now;
    now += 10 * MIN;
    await n.write('62855@c.us', 'hello', sentAt, { id: 'same-message', via: again });
    expect(await n.automatedSends()).toHaveLength(1);
  });

  it('an automation failure is rolled back alone: the push keeps its messages', async () => {
    now = SATURDAY;
    const n = await automatedNumber(stack, { hours: JAKARTA_WEEKDAYS, away, greeting: NO_GREETING });
    const raw = stack.node.app.database.raw;
    await raw.query('rename table automation_sends to automation_sends_away');
    try {
      await n.write('62866@c.us', 'lost?', now, { id: 'kept-message' });
    } finally {
      await raw.query('rename table automation_sends_away to automation_sends');
    }
    const [rows] = await raw.query("select count(*) as n from messages where provider_message_id = 'kept-message'");
    expect((rows as Array<{ n: number }>)[0]!.n).toBe(1);
    expect(await n.automatedSends()).toEqual([]);
  });
});

describe('loops and offline hosts', () => {
  it('a bot that answers every message gets at most one automated reply per cool-down', async () => {
    // Closed between short openings: every closed period is a new away window.
    const blips = ['10:01', '10:03', '10:05', '10:07', '10:09', '10:11', '10:13', '10:15'].map(start => ({
      start,
      end: `10:${String(Number(start.slice(3)) + 1).padStart(2, '0')}`,
    }));
    const week = { ...JAKARTA_WEEKDAYS.week, sat: blips };
    now = SATURDAY;
    const n = await automatedNumber(stack, { hours: { ...JAKARTA_WEEKDAYS, week }, away, greeting: NO_GREETING });
    const bot = '62877@c.us';
    await n.write(bot, 'I am a bot', now);
    for (let i = 0; i < 20; i++) {
      now += MIN;
      // The host reports what it sent as the number's own message; the bot answers it at once.
      for (const s of n.requested.splice(0)) await n.write(bot, s.body, now, { fromMe: true });
      await n.write(bot, `bot reply ${i}`, now);
    }
    const sent = await n.automatedSends(bot);
    // 20 minutes: one at 10:00, one 10 minutes later, one 10 minutes after that at most.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(3);
  });

  it('with the host offline the reply is queued like any relayed send, and the push is answered', async () => {
    now = SATURDAY;
    const n = await automatedNumber(stack, { hours: JAKARTA_WEEKDAYS, away, greeting: NO_GREETING });
    const admin = await stack.device('admin');
    await must(admin.socket, 'account:add-member', { accountId: n.accountId, memberId: admin.id });
    // The host goes offline right after its push is stored: the send waits for it.
    await n.write('62888@c.us', 'night message', now);
    n.host.socket.disconnect();
    const back = await stack.connect(n.host.token);
    const pending = await call(back, 'send:pending', {});
    expect(pending.ok && pending.value.map(s => s.body)).toEqual(['Hi Sari, Support line opens Mon 30 Nov, 09:00.']);
  });
});

describe('settings', () => {
  it('are refused to agents and to leads of other numbers, and audited', async () => {
    now = MONDAY;
    const n = await automatedNumber(stack, { hours: JAKARTA_WEEKDAYS, away, greeting: NO_GREETING });
    const agent = await stack.device('agent');
    const outsider = await stack.device('lead');
    const args = { accountId: n.accountId, hours: null, away: OFF, greeting: NO_GREETING };
    expect(await call(agent.socket, 'automation:update', args)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(outsider.socket, 'automation:get', { accountId: n.accountId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const got = await must(n.host.socket, 'automation:get', { accountId: n.accountId });
    expect(got.away).toEqual(away);
    expect(await must(n.host.socket, 'automation:hours', {})).toEqual([
      { accountId: n.accountId, hours: JAKARTA_WEEKDAYS },
    ]);
    const audit = await must(n.admin, 'audit:list', { action: 'automation.update' });
    expect(audit.length).toBeGreaterThan(0);
  });
});
