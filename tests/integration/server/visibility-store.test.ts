/**
 * The stored side of the visibility rule: grants written before they named their chat
 * (migration 0007), and a socket whose member's access changes while it joins its rooms.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncEvent } from '../../../common/protocol';
import { updateMember } from '../../../sync-server/src/db/repositories/members';
import type { SyncSocket } from '../../../sync-server/src/handlers/context';
import { joinRooms } from '../../../sync-server/src/handlers/room-join';
import { rooms } from '../../../sync-server/src/handlers/rooms';
import type { Stack } from './harness';
import { hostWithChat, must, startStack } from './harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const MIGRATION = join(__dirname, '../../../sync-server/src/db/migrations/0007_grant_chat_id.sql');

describe('grants stored before they named their chat (migration 0007)', () => {
  it('are named from their payload, so a pull keeps the visible one and leaves out the other', async () => {
    const { host, accountId, chatId } = await hostWithChat(stack, `legacy-${randomUUID().slice(0, 8)}`);
    const admin = await stack.device('admin');
    await must(host.socket, 'sync:push', { chats: [{ accountId, jid: '6209@c.us', isGroup: false, name: 'Hidden' }] });
    const hidden = `${accountId}:6209@c.us`;
    const agent = await stack.device('agent');
    await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
    await must(admin.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: 0 });
    await must(admin.socket, 'chat:assign', { chatId: hidden, assigneeId: host.id, version: 0 });
    // Two grants as an older server wrote them: member audience, no chat_id.
    const raw = stack.node.app.database.raw;
    for (const id of [chatId, hidden]) {
      const { chat } = await must(admin.socket, 'chat:get', { chatId: id });
      // Marked, to tell these from the grants this server wrote when the agent joined.
      chat.name = 'legacy grant';
      await raw.query(
        `insert into events (type, audience, account_id, member_id, payload, created_at)
         values ('chat:granted', 'member', ?, ?, ?, ?)`,
        [accountId, agent.id, JSON.stringify({ type: 'chat:granted', chat }), Date.now()],
      );
    }
    await raw.query(readFileSync(MIGRATION, 'utf8'));
    const page = await must(agent.socket, 'sync:pull', { cursor: 0, limit: 1000 });
    const granted = page.events
      .filter((e): e is Extract<SyncEvent, { type: 'chat:granted' }> => e.type === 'chat:granted')
      .filter(e => e.chat.name === 'legacy grant')
      .map(e => e.chat.id);
    expect(granted).toEqual([chatId]);
  });
});

describe('a socket joining its rooms', () => {
  it('moves to the new rooms when an admin is demoted between reading their state and joining', async () => {
    const admin = await stack.member('admin');
    const session = await stack.login(admin.email);
    const joined: string[][] = [];
    const left: string[] = [];
    // The demotion commits (and moves rooms on every node) just before this socket joins.
    const socket = {
      data: { memberId: admin.id, sessionId: session.sessionId, role: 'admin', name: 'admin' },
      join: async (rooms: string[]) => {
        joined.push(rooms);
        await updateMember(stack.node.app.database.db, admin.id, { role: 'agent' });
      },
      leave: async (room: string) => void left.push(room),
    } as unknown as SyncSocket;
    expect(await joinRooms(stack.node.app.database.raw, socket)).toBe(true);
    expect(joined).toHaveLength(2);
    // The admins' room is the one an agent may not keep.
    expect(joined[0]).toContain(rooms.admins);
    expect(joined[1]).not.toContain(rooms.admins);
    expect(left).toEqual(joined[0]!.filter(r => !joined[1]!.includes(r)));
    expect(left).toContain(rooms.admins);
  });

  it('is dropped when its member is deactivated while it joins', async () => {
    const lead = await stack.member('lead');
    const session = await stack.login(lead.email);
    const socket = {
      data: { memberId: lead.id, sessionId: session.sessionId, role: 'lead', name: 'lead' },
      join: async () => {
        await updateMember(stack.node.app.database.db, lead.id, { active: false });
      },
      leave: async () => undefined,
    } as unknown as SyncSocket;
    expect(await joinRooms(stack.node.app.database.raw, socket)).toBe(false);
  });

  it('is kept when nothing changed', async () => {
    const lead = await stack.member('lead');
    const session = await stack.login(lead.email);
    const socket = {
      data: { memberId: lead.id, sessionId: session.sessionId, role: 'lead', name: 'lead' },
      join: async () => undefined,
    } as unknown as SyncSocket;
    expect(await joinRooms(stack.node.app.database.raw, socket)).toBe(true);
  });
});
