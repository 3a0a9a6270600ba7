/**
 * One visibility rule for live delivery, pulls and reads (docs/protocol.md): for every way
 * of losing a chat and every fact that names it, the member's connected socket receives
 * nothing of the chat afterwards — live, in a pull from any cursor, on a fresh device, or
 * through chat:get / chat:list / messages:list — across two server nodes sharing Redis.
 * A lead of the account on the same node is the positive control: the same facts reach them.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../common/protocol';
import { until } from '../../helpers/core';
import { startRedis } from '../../helpers/redis';
import { createPublisher } from '../../../sync-server/src/handlers/publisher';
import { silentLog } from '../../../sync-server/src/log';
import type { RedisServer } from '../../helpers/redis';
import type { Client, Node, Stack } from './harness';
import { NOW, call, hostWithChat, must, recorder, startNode, startStack } from './harness';
import { FACTS, LOSSES, chatNamed } from './visibility-cases';
import type { Loss, Scene } from './visibility-cases';

let redis: RedisServer;
let stack: Stack;
let nodeB: Node;
let admin: Client;

beforeAll(async () => {
  redis = await startRedis();
  stack = await startStack({ redisUrl: redis.url });
  nodeB = await startNode(stack.mariadb.url, { redisUrl: redis.url });
  admin = (await stack.device('admin')).socket;
});
afterAll(async () => {
  await nodeB?.app.close();
  await stack?.stop();
  await redis?.stop();
});

type Seen = ReturnType<typeof recorder>;

/** A member signed in on node B (the writers are on node A), recording what arrives. */
async function onNodeB(role: Loss['role']) {
  const m = await stack.member(role);
  const session = await stack.login(m.email);
  const socket = await stack.connect(session.token, nodeB.url);
  return { ...m, ...session, socket, seen: recorder(socket) };
}

async function pullAll(socket: Client, cursor: number): Promise<{ events: SyncEvent[]; cursor: number }> {
  const events: SyncEvent[] = [];
  for (;;) {
    const page = await must(socket, 'sync:pull', { cursor, limit: 1000 });
    events.push(...page.events);
    cursor = page.cursor;
    if (!page.hasMore) return { events, cursor };
  }
}

/** The types of the facts that name the chat (a chat:revoked names none: it is the loss itself). */
const naming = (events: Array<{ name: string; payload: unknown }>, chatId: string) =>
  events.filter(e => chatNamed(e.name, e.payload) === chatId).map(e => e.name);
const pulledNaming = (events: SyncEvent[], chatId: string) =>
  naming(
    events.map(e => ({ name: e.type, payload: e })),
    chatId,
  );

/** An account whose chat the viewer sees the way the loss needs, with a lead and another agent in it. */
async function setUp(loss: Loss) {
  const { host, accountId, chatId, jid } = await hostWithChat(stack, `vis-${randomUUID().slice(0, 8)}`);
  const lead = await onNodeB('lead');
  const other = await stack.member('agent');
  const viewer = await onNodeB(loss.role);
  const members = [lead.id, other.id, ...(loss.member ? [viewer.id] : [])];
  for (const memberId of members) await must(admin, 'account:add-member', { accountId, memberId });
  const assigneeId = loss.assignee === 'viewer' ? viewer.id : loss.assignee === 'other' ? other.id : null;
  if (assigneeId) await must(admin, 'chat:assign', { chatId, assigneeId, version: 0 });
  const scene: Scene = { accountId, chatId, jid, host: host.socket, admin, viewer, lead, other };
  return { scene, lead, viewer };
}

/** Both sockets have everything written so far: what arrives later was written later. */
async function settle(scene: Scene, seen: readonly Seen[]) {
  const id = `sentinel-${randomUUID()}`;
  await must(scene.host, 'sync:push', {
    messages: [
      {
        accountId: scene.accountId,
        chatJid: scene.jid,
        providerMessageId: id,
        fromMe: false,
        type: 'text',
        body: id,
        timestamp: NOW(),
      },
    ],
  });
  const has = (s: Seen) => s.events.some(e => e.name === 'messages:upserted' && JSON.stringify(e.payload).includes(id));
  await until('the sentinel arrives', () => seen.every(has));
}

async function reconnected(socket: Client): Promise<void> {
  await until('the socket is dropped', () => !socket.connected);
  // The server ended the connection; the desktop connects again, as it does.
  if (!socket.active) socket.connect();
  await until('the socket is back', () => socket.connected);
}

/** Every fact kind was written and the control lead has heard each one live. */
async function writeFacts(scene: Scene, lead: Seen, from: number) {
  const expected = new Map<string, number>();
  for (const fact of FACTS) {
    await fact.make(scene, 0);
    for (const [type, n] of Object.entries(fact.live)) expected.set(type, (expected.get(type) ?? 0) + n);
  }
  const missing = () => {
    const got = naming(lead.events.slice(from), scene.chatId);
    return [...expected].filter(([type, n]) => got.filter(t => t === type).length < n).map(([type]) => type);
  };
  for (let attempt = 1; missing().length > 0; attempt++) {
    if (attempt > 100) throw new Error(`the control lead never heard ${missing().join(', ')}`);
    await new Promise(r => setTimeout(r, 200));
    if (attempt % 5 === 0)
      for (const fact of FACTS)
        if (fact.volatile && Object.keys(fact.live).some(t => missing().includes(t))) await fact.make(scene, attempt);
  }
  // The viewer is on the same node and the same broadcasts; give a stray one time to land.
  await new Promise(r => setTimeout(r, 300));
  return [...expected.keys()];
}

async function expectNoReads(socket: Client, scene: Scene) {
  const { chatId, accountId } = scene;
  expect(await call(socket, 'chat:get', { chatId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(await call(socket, 'messages:list', { chatId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  const list = await call(socket, 'chat:list', { accountId });
  if (list.ok) expect(list.value.map(c => c.id)).not.toContain(chatId);
  else expect(list.error.code).toBe('not_found');
}

describe.each(LOSSES)('$name', loss => {
  it('receives nothing of the chat afterwards, while a lead still receives all of it', async () => {
    const { scene, lead, viewer } = await setUp(loss);
    try {
      // Before: the viewer does see the chat, so what follows tests a loss.
      expect((await must(viewer.socket, 'chat:get', { chatId: scene.chatId })).chat.id).toBe(scene.chatId);
      await settle(scene, [viewer.seen, lead.seen]);
      const before = (await pullAll(viewer.socket, 0)).cursor;
      const mark = { viewer: viewer.seen.events.length, lead: lead.seen.events.length };

      await loss.lose(scene);
      if (loss.drops) await reconnected(viewer.socket);
      const after = loss.ended ? 0 : (await pullAll(viewer.socket, before)).cursor;
      const leadAfter = (await pullAll(lead.socket, 0)).cursor;
      const types = await writeFacts(scene, lead.seen, mark.lead);

      expect(naming(viewer.seen.events.slice(mark.viewer), scene.chatId)).toEqual([]);
      if (loss.ended) {
        await until('the device is disconnected', () => !viewer.socket.connected);
        await expect(stack.connect(viewer.token, nodeB.url)).rejects.toThrow();
      } else {
        for (const cursor of [0, before, after])
          expect(pulledNaming((await pullAll(viewer.socket, cursor)).events, scene.chatId)).toEqual([]);
        await expectNoReads(viewer.socket, scene);
        // A fresh device of the same member, on the other node, pulling from 0.
        const fresh = await stack.connect((await stack.login(viewer.email)).token);
        expect(pulledNaming((await pullAll(fresh, 0)).events, scene.chatId)).toEqual([]);
        await expectNoReads(fresh, scene);
      }
      // The control: every logged fact is in the lead's pull too.
      const pulled = new Set(pulledNaming((await pullAll(lead.socket, leadAfter)).events, scene.chatId));
      expect(types.filter(t => t !== 'typing:changed' && !pulled.has(t))).toEqual([]);
    } finally {
      await loss.restore?.(scene);
    }
  });
});

describe('a fact delivered after the chat changed hands', () => {
  it('reaches who sees the chat now, not the assignee it was written for', async () => {
    const { scene, lead, viewer } = await setUp(LOSSES[0]!);
    await LOSSES[0]!.lose(scene);
    // The viewer no longer hears the chat (the matrix above), so only the lead can settle.
    await settle(scene, [lead.seen]);
    const mark = viewer.seen.events.length;
    // Written while the viewer held the chat (its writer named them), delivered only now.
    const note = {
      id: randomUUID(),
      chatId: scene.chatId,
      authorId: lead.id,
      body: 'late note',
      createdAt: Date.now(),
      kind: 'note' as const,
      draft: null,
      summary: null,
    };
    const app = stack.node.app;
    await createPublisher(app.database, app.sync, silentLog()).publish([
      {
        seq: Number.MAX_SAFE_INTEGER,
        body: { type: 'note:added', note },
        audience: 'chat',
        accountId: scene.accountId,
        chatId: scene.chatId,
        assigneeId: viewer.id,
      },
    ]);
    await until('the control lead hears the late note', () =>
      lead.seen.events.some(e => e.name === 'note:added' && JSON.stringify(e.payload).includes(note.id)),
    );
    await new Promise(r => setTimeout(r, 300));
    expect(naming(viewer.seen.events.slice(mark), scene.chatId)).toEqual([]);
  });
});

describe('agents see unassigned chats again', () => {
  it('hear them live at once when the workspace turns that back on, on every node', async () => {
    const loss = LOSSES.find(l => l.restore && l.assignee === null)!;
    const { scene, lead, viewer } = await setUp(loss);
    try {
      await loss.lose(scene);
    } finally {
      await loss.restore?.(scene);
    }
    // The connected agent on node B, without reconnecting, is back in the account's pool.
    await settle(scene, [lead.seen, viewer.seen]);
  });
});

describe('an account id that spells another account room', () => {
  it.each([':lead', ':pool', ':m:'])('registered as <victim>%s, hears nothing of the victim chats', async suffix => {
    // The pool carries unassigned chats; the others, a chat assigned to the viewer.
    const { scene, lead, viewer } = await setUp(LOSSES.find(l => (l.assignee === null) === (suffix === ':pool'))!);
    const intruder = await onNodeB('lead');
    // For ':m:', the room of the agent who holds the victim's chat.
    const accountId = `${scene.accountId}${suffix}${suffix === ':m:' ? viewer.id : ''}`;
    // Refused at the boundary (account ids cannot hold ':'); room names are escaped as well.
    const reply = await call(intruder.socket, 'account:register', {
      accountId,
      name: 'x',
      phone: '628999',
      provider: 'simulator',
    });
    expect(reply.ok ? 'ok' : reply.error.code).toBe('invalid_args');
    const mark = intruder.seen.events.length;
    await settle(scene, [lead.seen, viewer.seen]);
    await new Promise(r => setTimeout(r, 300));
    expect(naming(intruder.seen.events.slice(mark), scene.chatId)).toEqual([]);
  });
});
