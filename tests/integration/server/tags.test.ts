/**
 * Managed tags: the list with colours, and a rename, merge or delete that rewrites the tag
 * on every chat (each chat's version moves and a chat:updated goes out), with facts for the
 * list and one audit row per change.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../common/protocol';
import type { Client, Stack } from './harness';
import { call, hostWithChat, must, recorder, startStack } from './harness';

let stack: Stack;
let host: Client;
let chatA: string;
let chatB: string;
beforeAll(async () => {
  stack = await startStack();
  const a = await hostWithChat(stack);
  host = a.host.socket;
  chatA = a.chatId;
  chatB = `${a.accountId}:628999@c.us`;
  await must(host, 'sync:push', { chats: [{ accountId: a.accountId, jid: '628999@c.us', isGroup: false, name: 'B' }] });
});
afterAll(async () => {
  await stack?.stop();
});

const chat = async (chatId: string) => (await must(host, 'chat:get', { chatId })).chat;
const setTags = async (chatId: string, tags: string[]) =>
  must(host, 'chat:set-tags', { chatId, tags, version: (await chat(chatId)).version });
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function auditActions(name: string): Promise<string[]> {
  const [rows] = (await stack.node.app.database.db.execute(
    sql`select action from audit_log where action like 'tag.%' and (audit_log.before like ${`%${name}%`} or audit_log.after like ${`%${name}%`}) order by id`,
  )) as unknown as [Array<{ action: string }>];
  return rows.map(r => r.action);
}

describe('tag list', () => {
  it('upsert adds and recolours; every member lists it; a fact tells every device', async () => {
    const name = unique('vip');
    const agent = await stack.device('agent');
    const heard = recorder(agent.socket);
    await must(host, 'tag:upsert', { name, color: 'red' });
    expect(await heard.next('tag:updated')).toMatchObject({ tag: { name, color: 'red' } });
    await must(host, 'tag:upsert', { name, color: 'blue' });
    const list = await must(agent.socket, 'tag:list', {});
    expect(list.filter(t => t.name === name)).toEqual([{ name, color: 'blue' }]);
    expect(await auditActions(name)).toEqual(['tag.upsert', 'tag.upsert']);
  });

  it('refuses a colour that is not one of the names, and a name that is too long', async () => {
    expect((await call(host, 'tag:upsert', { name: 'x', color: '#f00;background:url(x)' })).ok).toBe(false);
    expect((await call(host, 'tag:upsert', { name: 'x'.repeat(51), color: 'red' })).ok).toBe(false);
  });
});

describe('rename, merge and delete rewrite every chat', () => {
  it('rename moves the tag on every chat that has it, keeps its colour and bumps each version', async () => {
    const from = unique('billing');
    const to = unique('payments');
    await must(host, 'tag:upsert', { name: from, color: 'orange' });
    await setTags(chatA, [from, 'other']);
    await setTags(chatB, [from]);
    const before = { a: (await chat(chatA)).version, b: (await chat(chatB)).version };
    const heard = recorder(host);
    const change = await must(host, 'tag:rename', { from, to });
    expect(change).toEqual({ tag: { name: to, color: 'orange' }, chats: 2 });
    expect((await chat(chatA)).tags).toEqual([to, 'other']);
    expect((await chat(chatA)).version).toBe(before.a + 1);
    expect((await chat(chatB)).tags).toEqual([to]);
    expect((await chat(chatB)).version).toBe(before.b + 1);
    const names = (await must(host, 'tag:list', {})).map(t => t.name);
    expect(names).toContain(to);
    expect(names).not.toContain(from);
    // Devices hear the list change and each chat's new tags.
    await expect.poll(() => heard.events.filter(e => e.name === 'chat:updated').length).toBe(2);
    expect(heard.events.map(e => e.name)).toEqual(['tag:deleted', 'tag:updated', 'chat:updated', 'chat:updated']);
    expect(await auditActions(to)).toEqual(['tag.rename']);
  });

  it('renaming onto a tag on the list merges: one tag per chat, the target keeps its colour', async () => {
    const from = unique('refund');
    const to = unique('refunds');
    await must(host, 'tag:upsert', { name: from, color: 'yellow' });
    await must(host, 'tag:upsert', { name: to, color: 'green' });
    await setTags(chatA, [to, from]);
    await setTags(chatB, [from]);
    const change = await must(host, 'tag:rename', { from, to });
    expect(change).toEqual({ tag: { name: to, color: 'green' }, chats: 2 });
    expect((await chat(chatA)).tags).toEqual([to]);
    expect((await chat(chatB)).tags).toEqual([to]);
    expect(await auditActions(from)).toEqual(['tag.upsert', 'tag.merge']);
  });

  it('delete takes the tag off the list and off every chat, and leaves tags that only look alike', async () => {
    const name = unique('spam');
    // LIKE's wildcards and a prefix of the name must not match.
    const lookalike = `${name.slice(0, 3)}%`;
    await must(host, 'tag:upsert', { name, color: 'gray' });
    await setTags(chatA, [name, lookalike, `${name}x`]);
    const change = await must(host, 'tag:delete', { name });
    expect(change).toEqual({ tag: null, chats: 1 });
    expect((await chat(chatA)).tags).toEqual([lookalike, `${name}x`]);
    expect((await must(host, 'tag:list', {})).map(t => t.name)).not.toContain(name);
  });

  it('a stale set-tags after a rename is refused with the renamed chat, not applied over it', async () => {
    const from = unique('late');
    const to = unique('later');
    await must(host, 'tag:upsert', { name: from, color: 'teal' });
    const stale = await setTags(chatB, [from]);
    await must(host, 'tag:rename', { from, to });
    const reply = await call(host, 'chat:set-tags', { chatId: chatB, tags: [from, 'x'], version: stale.version });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('conflict');
    expect((await chat(chatB)).tags).toEqual([to]);
  });

  it('an unknown tag, or a rename onto itself, is refused', async () => {
    const r1 = await call(host, 'tag:rename', { from: unique('none'), to: 'y' });
    expect(r1.ok ? 'ok' : r1.error.code).toBe('not_found');
    const r2 = await call(host, 'tag:delete', { name: unique('none') });
    expect(r2.ok ? 'ok' : r2.error.code).toBe('not_found');
    const same = unique('same');
    await must(host, 'tag:upsert', { name: same, color: 'pink' });
    const r3 = await call(host, 'tag:rename', { from: same, to: same });
    expect(r3.ok ? 'ok' : r3.error.code).toBe('invalid_args');
  });

  it('tags typed on a chat that are not on the list still work and are not added to it', async () => {
    const free = unique('free');
    await setTags(chatA, [free]);
    expect((await chat(chatA)).tags).toEqual([free]);
    expect((await must(host, 'tag:list', {})).map(t => t.name)).not.toContain(free);
  });

  it('the pull replays the list facts', async () => {
    const name = unique('pulled');
    await must(host, 'tag:upsert', { name, color: 'purple' });
    const page = await must(host, 'sync:pull', { cursor: 0, limit: 1000 });
    const facts = page.events.filter(
      (e): e is Extract<SyncEvent, { type: 'tag:updated' }> => e.type === 'tag:updated' && e.tag.name === name,
    );
    expect(facts.map(f => f.tag.color)).toEqual(['purple']);
  });
});
