/**
 * Agents handing a chat on (docs/server.md "Agents handing a chat on"): the workspace rule
 * `agentsMayHandOver` (off until an admin turns it on), the refusal reasons, a transfer's
 * handover note reaching the colleague, and a release taking the chat from an agent who may
 * not see unassigned chats. The RBAC matrix (rbac.test.ts) has the who-may-what rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../../common/result';
import type { Stack } from './harness';
import { call, hostWithChat, must, startStack } from './harness';

let stack: Stack;
let admin: Awaited<ReturnType<Stack['device']>>;
let agent: Awaited<ReturnType<Stack['device']>>;
let colleague: Awaited<ReturnType<Stack['device']>>;
let chatId: string;
let accountId: string;

const versionOf = async () => (await must(admin.socket, 'chat:get', { chatId })).chat.version;
const giveToAgent = async () =>
  (await must(admin.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: await versionOf() })).version;
const reasonOf = (reply: Reply<unknown>) =>
  reply.ok ? 'ok' : `${reply.error.code}/${(reply.error.details as { reason?: string } | undefined)?.reason}`;

beforeAll(async () => {
  stack = await startStack();
  const h = await hostWithChat(stack);
  chatId = h.chatId;
  accountId = h.accountId;
  admin = await stack.device('admin');
  agent = await stack.device('agent', 'Ana Agent');
  colleague = await stack.device('agent', 'Cory Colleague');
  for (const m of [agent, colleague]) await must(admin.socket, 'account:add-member', { accountId, memberId: m.id });
});
afterAll(async () => {
  await stack?.stop();
});

describe('agents handing a chat on', () => {
  it('is off by default and refused with handover_not_allowed', async () => {
    expect(await must(agent.socket, 'settings:get', {})).toEqual({
      agentsSeeUnassigned: true,
      agentsMayHandOver: false,
      adminsRequireMfa: false,
    });
    const version = await giveToAgent();
    expect(reasonOf(await call(agent.socket, 'chat:assign', { chatId, assigneeId: null, version }))).toBe(
      'forbidden/handover_not_allowed',
    );
  });

  it('settings:update changes only the rule sent', async () => {
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: false });
    expect(await must(admin.socket, 'settings:update', { agentsMayHandOver: true })).toEqual({
      agentsSeeUnassigned: false,
      agentsMayHandOver: true,
      adminsRequireMfa: false,
    });
    expect(await must(agent.socket, 'settings:get', {})).toEqual({
      agentsSeeUnassigned: false,
      agentsMayHandOver: true,
      adminsRequireMfa: false,
    });
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: true });
  });

  it('refuses a colleague outside the number, an admin outside it, and a chat that is not theirs', async () => {
    await must(admin.socket, 'settings:update', { agentsMayHandOver: true });
    const outsider = await stack.member('agent', 'Outsider');
    let version = await giveToAgent();
    expect(reasonOf(await call(agent.socket, 'chat:assign', { chatId, assigneeId: outsider.id, version }))).toBe(
      'invalid_args/assignee_not_member',
    );
    // A lead may put an admin on any chat (admins see every number); an agent may not.
    expect(reasonOf(await call(agent.socket, 'chat:assign', { chatId, assigneeId: admin.id, version }))).toBe(
      'invalid_args/assignee_not_member',
    );
    version = (await must(admin.socket, 'chat:assign', { chatId, assigneeId: null, version })).version;
    expect(reasonOf(await call(agent.socket, 'chat:assign', { chatId, assigneeId: colleague.id, version }))).toBe(
      'forbidden/not_assignee',
    );
  });

  it('a transfer with a note reaches the colleague with its handover note, audited as the agent', async () => {
    await must(admin.socket, 'settings:update', { agentsMayHandOver: true });
    const version = await giveToAgent();
    const chat = await must(agent.socket, 'chat:assign', {
      chatId,
      assigneeId: colleague.id,
      version,
      handover: { note: 'Wants a refund, order 42', draft: 'Hi! About your refund' },
    });
    expect(chat.assigneeId).toBe(colleague.id);
    const { notes } = await must(colleague.socket, 'chat:get', { chatId });
    expect(notes.at(-1)).toMatchObject({
      kind: 'handover',
      authorId: agent.id,
      body: 'Wants a refund, order 42',
      draft: 'Hi! About your refund',
    });
    const [rows] = (await stack.node.app.database.db.execute(
      sql`select member_id from audit_log where action = 'chat.assign' and chat_id = ${chatId} order by id desc limit 1`,
    )) as unknown as [Array<{ member_id: string }>];
    expect(rows[0]?.member_id).toBe(agent.id);
  });

  it('a release puts the chat back in the queue and, when agents see no unassigned chats, out of their view', async () => {
    await must(admin.socket, 'settings:update', { agentsMayHandOver: true, agentsSeeUnassigned: false });
    const version = await giveToAgent();
    const released = await must(agent.socket, 'chat:assign', { chatId, assigneeId: null, version });
    expect(released.assigneeId).toBeNull();
    expect(reasonOf(await call(agent.socket, 'chat:get', { chatId }))).toBe('not_found/undefined');
    await must(admin.socket, 'settings:update', { agentsSeeUnassigned: true });
  });
});
