/**
 * A team template through the REST API on a linked (desktop-hosted) number: the workspace's
 * template with that shortcut, filled in like the composer fills it, relayed to the host
 * once as a text; unknown shortcuts and mixed bodies refused as problems.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireSend } from '../../../common/protocol';
import type { Stack } from './harness';
import { must, startStack } from './harness';
import type { RestWorld } from './rest-helpers';
import { chatPath, rest, restWorld } from './rest-helpers';

let stack: Stack;
let w: RestWorld;
beforeAll(async () => {
  stack = await startStack();
  w = await restWorld(stack);
  await must(w.admin.socket, 'template:upsert', {
    shortcut: 'shipped',
    title: 'Order shipped',
    body: 'Hi {{contact.name}}, your order from {{account.name}} is on its way. — {{agent.name}}',
  });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
});

describe('POST /chats/{chatId}/messages with a team template', () => {
  it('sends the filled-in template to the host once, also when retried with the same key', async () => {
    const secret = await w.key(['messages:send'], [w.A.accountId]);
    const offered: WireSend[] = [];
    w.A.host.socket.on('send:requested', s => offered.push(s));
    const key = randomUUID();
    const send = () =>
      rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
        body: { template: 'shipped' },
        headers: { 'idempotency-key': key },
      });
    const first = await send();
    expect(first.status).toBe(202);
    const text = 'Hi Customer, your order from Support line is on its way. — Ada Admin';
    expect(first.json).toMatchObject({ body: text, chatId: w.A.chatId });
    expect((await send()).json['clientMessageId']).toBe(first.json['clientMessageId']);
    await expect.poll(() => offered.filter(s => s.body === text).length).toBe(1);
  });

  it('refuses an unknown shortcut (404) and a template mixed with a body or media (400)', async () => {
    const secret = await w.key(['messages:send'], [w.A.accountId]);
    const unknown = await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), {
      body: { template: 'nope' },
    });
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ details: { reason: 'template_unknown' } });
    for (const body of [
      { template: 'shipped', body: 'and more' },
      { template: 'shipped', media: { sha256: 'a'.repeat(64) } },
      { template: '' },
      { template: 5 },
    ]) {
      expect((await rest(stack, secret, 'POST', chatPath(w.A.chatId, '/messages'), { body })).status).toBe(400);
    }
  });
});
