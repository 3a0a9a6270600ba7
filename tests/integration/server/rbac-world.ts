/**
 * The RBAC matrix's world: a server, three members (one per role) on number A, a second
 * number B they are not on, and the chats and colleagues the rows act on. Filled once in
 * beforeAll (setUpWorld); the rows read it when they run.
 */
import type { Role } from '../../../common/domain';
import type { CommandName } from '../../../common/protocol';
import type { ErrorCode } from '../../../common/result';
import type { Client, Stack } from './harness';
import { hostWithChat, must, startStack } from './harness';

export type Outcome = 'ok' | ErrorCode;
export type Scope = 'own' | 'other-account' | 'other-workspace';
export type Ctx = { role: Role; socket: Client; memberId: string };
export type Case = {
  cmd: CommandName;
  scope: Scope;
  args: (c: Ctx) => Promise<unknown> | unknown;
  expect: Record<Role, Outcome>;
};

export const all = (o: Outcome): Record<Role, Outcome> => ({ admin: o, lead: o, agent: o });
export const only = (roles: Role[], denied: Outcome = 'forbidden'): Record<Role, Outcome> => ({
  admin: roles.includes('admin') ? 'ok' : denied,
  lead: roles.includes('lead') ? 'ok' : denied,
  agent: roles.includes('agent') ? 'ok' : denied,
});

type Device = { socket: Client; id: string; email: string; sessionId: string };
export type World = {
  stack: Stack;
  devices: Record<Role, Device>;
  adminSocket: Client;
  A: { accountId: string; chatId: string; hostSocket: Client };
  B: { accountId: string; chatId: string };
  assignedToLead: string;
  /** An agent of A (a colleague to transfer to) and one of B only (not on A's number). */
  colleague: string;
  outsider: string;
};
/** Set by setUpWorld before any row runs. */
export const w = {} as World;
export const ghostChat = 'ghost-account:6200000@c.us';

export async function unassigned(chatId: string): Promise<number> {
  const { chat } = await must(w.adminSocket, 'chat:get', { chatId });
  if (chat.assigneeId === null) return chat.version;
  return (await must(w.adminSocket, 'chat:assign', { chatId, assigneeId: null, version: chat.version })).version;
}
export const versionOf = async (chatId: string) => (await must(w.adminSocket, 'chat:get', { chatId })).chat.version;
/** The workspace rule for agents handing chats on; each hand-on row sets the value it needs. */
export const handOverRule = async (on: boolean) => must(w.adminSocket, 'settings:update', { agentsMayHandOver: on });
/** A.chatId assigned to `memberId` (the caller, or a colleague), at its new version. */
export async function assignedTo(memberId: string): Promise<number> {
  const version = await versionOf(w.A.chatId);
  return (await must(w.adminSocket, 'chat:assign', { chatId: w.A.chatId, assigneeId: memberId, version })).version;
}

export async function setUpWorld(): Promise<void> {
  // No webhook worker: the webhook rows save endpoints that must never be called.
  // Graph is a closed loopback port: an admin's cloud:add gets as far as asking Meta.
  const stack = await startStack({ webhooks: { enabled: false }, cloud: { graphUrl: 'http://127.0.0.1:9' } });
  const a = await hostWithChat(stack);
  const b = await hostWithChat(stack);
  const admin = await stack.device('admin');
  const lead = await stack.device('lead');
  const agent = await stack.device('agent');
  Object.assign(w, {
    stack,
    A: { accountId: a.accountId, chatId: a.chatId, hostSocket: a.host.socket },
    B: { accountId: b.accountId, chatId: b.chatId },
    adminSocket: admin.socket,
    devices: { admin, lead, agent },
  });
  for (const m of [lead, agent])
    await must(w.adminSocket, 'account:add-member', { accountId: w.A.accountId, memberId: m.id });
  w.colleague = (await stack.member('agent', 'colleague')).id;
  await must(w.adminSocket, 'account:add-member', { accountId: w.A.accountId, memberId: w.colleague });
  w.outsider = (await stack.member('agent', 'outsider')).id;
  await must(w.adminSocket, 'account:add-member', { accountId: w.B.accountId, memberId: w.outsider });
  w.assignedToLead = `${w.A.accountId}:6299999@c.us`;
  await must(a.host.socket, 'sync:push', {
    chats: [{ accountId: w.A.accountId, jid: '6299999@c.us', isGroup: false, name: 'Lead only' }],
  });
  await must(w.adminSocket, 'chat:assign', { chatId: w.assignedToLead, assigneeId: lead.id, version: 0 });
}
