/**
 * Managed tags between two real desktops and a real server: a lead's desktop (A) hosting a
 * number keeps the workspace's tag list; an agent's desktop (B) learns it live, keeps it
 * across a restart (suggestions and colours work offline), may not change it, and sees a
 * rename and a delete land on the chat it works on.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { must } from '../server/harness';
import type { HostedNumber } from './desktops';
import { desktops, leadHostingNumber, signInAndPush } from './desktops';

const desks = desktops('tags');
afterEach(ctx => desks.printLogsIfFailed(ctx));
let stack: Stack;
let world: HostedNumber;
let a: Core;
let b: Core;
let bFolder: string;
let agentEmail: string;

const tagsOf = async (core: Core, chatId: string) => (await call(core, 'chats:get', { chatId })).tags;

beforeAll(async () => {
  world = await leadHostingNumber(desks);
  ({ stack, a } = world);
  const agent = await stack.member('agent', 'Ari Agent');
  agentEmail = agent.email;
  await must(world.admin.socket, 'account:add-member', { accountId: world.accountId, memberId: agent.id });
  const { chat } = await must(world.admin.socket, 'chat:get', { chatId: world.chatId });
  await must(world.admin.socket, 'chat:assign', { chatId: world.chatId, assigneeId: agent.id, version: chat.version });
  bFolder = desks.folder();
  b = await desks.open(undefined, bFolder);
  await signInAndPush(b, stack.node.url, agentEmail);
  await until('B has the chat', async () => (await call(b, 'chats:list', {})).items.some(c => c.id === world.chatId));
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await stack?.stop();
  desks.removeAll();
});

describe('managed tags across desktops', () => {
  it('a lead adds a coloured tag; the agent’s desktop learns it live', async () => {
    const tag = await call(a, 'tags:upsert', { name: 'vip', color: 'red' });
    expect(tag).toEqual({ name: 'vip', color: 'red' });
    expect(await call(a, 'tags:list', {})).toEqual([{ name: 'vip', color: 'red' }]);
    await until('B knows vip', async () => (await call(b, 'tags:list', {})).some(t => t.name === 'vip'));
    expect(await call(b, 'tags:list', {})).toEqual([{ name: 'vip', color: 'red' }]);
  });

  it('an agent may not change the list', async () => {
    const reply = await b.dispatch('tags:upsert', { name: 'mine', color: 'blue' }, { transport: 'internal' });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('forbidden');
    expect((await call(b, 'tags:list', {})).map(t => t.name)).toEqual(['vip']);
  });

  it('rename, merge and delete land on the agent’s chat and list; a typed tag stays off the list', async () => {
    await call(a, 'chats:setTags', { chatId: world.chatId, tags: ['vip', 'late'] });
    await until('B sees the tags', async () => (await tagsOf(b, world.chatId)).join() === 'vip,late');

    expect(await call(a, 'tags:rename', { from: 'vip', to: 'priority' })).toEqual({
      tag: { name: 'priority', color: 'red' },
      chats: 1,
    });
    await until('B sees the rename', async () => (await tagsOf(b, world.chatId)).join() === 'priority,late');
    await until(
      'B lists priority',
      async () => (await call(b, 'tags:list', {})).map(t => t.name).join() === 'priority',
    );

    await call(a, 'tags:upsert', { name: 'urgent', color: 'green' });
    await call(a, 'tags:rename', { from: 'priority', to: 'urgent' });
    await until('B sees the merge', async () => (await tagsOf(b, world.chatId)).join() === 'urgent,late');
    await until('B lists urgent alone', async () => {
      const list = await call(b, 'tags:list', {});
      return list.length === 1 && list[0]?.name === 'urgent' && list[0].color === 'green';
    });

    await call(a, 'tags:upsert', { name: 'vip', color: 'purple' });
    await call(a, 'tags:delete', { name: 'urgent' });
    await until('B sees the delete', async () => (await tagsOf(b, world.chatId)).join() === 'late');
    await until('B lists vip alone', async () => (await call(b, 'tags:list', {})).map(t => t.name).join() === 'vip');
    expect(await call(a, 'tags:list', {})).toEqual([{ name: 'vip', color: 'purple' }]);
  });

  it('the list survives a restart of the agent’s desktop, offline', async () => {
    await b.close();
    await stack.node.app.close();
    b = await desks.open(undefined, bFolder);
    expect(await call(b, 'tags:list', {})).toEqual([{ name: 'vip', color: 'purple' }]);
  });
});
