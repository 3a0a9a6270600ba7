/** Guards and the "who gained or lost a chat" diff that turns into grant/revoke events. */
import { can, canSeeAccount, canSeeChat } from '../../../common/permissions';
import type { Capability } from '../../../common/permissions';
import type { Role } from '../../../common/domain';
import type { ChatRevokeReason, WireSettings } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { Exec } from '../db/index';
import type { ChatRow } from '../db/repositories/chats';
import { chatById, chatIdsHiddenFromAgent, listChats, toWireChat } from '../db/repositories/chats';
import type { NewEvent } from '../db/repositories/events';
import { accountIdsOfMember, agentsOfAccount, isAgentOfAccount } from '../db/repositories/members';
import { allAccountIds } from '../db/repositories/workspace';
import type { Caller } from './context';

export function requireCapability(caller: Caller, capability: Capability): void {
  if (!can(caller.role, capability))
    throw new CommandError('forbidden', `a ${caller.role} may not do this (${capability})`);
}

/** Unknown and invisible chats look the same, so ids of other accounts reveal nothing. */
export async function visibleChat(db: Exec, caller: Caller, chatId: string): Promise<ChatRow> {
  const chat = await chatById(db, chatId);
  if (!chat || !canSeeChat(caller.viewer, chat, caller.settings)) throw new CommandError('not_found', 'no such chat');
  return chat;
}

export function requireAccount(caller: Caller, accountId: string): void {
  if (!canSeeAccount(caller.viewer, accountId)) throw new CommandError('not_found', 'no such account');
}

export function chatEvent(type: 'chat:updated' | 'chat:upserted', chat: ChatRow): NewEvent {
  return {
    body: { type, chat: toWireChat(chat) },
    audience: 'chat',
    accountId: chat.accountId,
    chatId: chat.id,
    assigneeId: chat.assigneeId,
  };
}

/**
 * A member just added to an account: one chat:granted (member audience, so it is in their
 * pull too) per chat they may now see — every chat for a lead, for an agent the chats
 * assigned to them and, if the workspace allows, the unassigned ones. Admins already see
 * every chat and get none.
 */
export async function grantsOnJoin(
  db: Exec,
  accountId: string,
  member: { id: string; role: Role },
  settings: WireSettings,
): Promise<NewEvent[]> {
  if (member.role === 'admin') return [];
  const onlyFor =
    member.role === 'agent' ? { memberId: member.id, includeUnassigned: settings.agentsSeeUnassigned } : null;
  const out: NewEvent[] = [];
  for (let after: string | null = null; ;) {
    const page = await listChats(db, accountId, after, 500, onlyFor);
    for (const chat of page)
      out.push({
        body: { type: 'chat:granted', chat: toWireChat(chat) },
        audience: 'member',
        memberId: member.id,
        accountId,
        // Named so a pull can leave out the grant of a chat the member no longer sees.
        chatId: chat.id,
      });
    if (page.length < 500) return out;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Agents are the only members whose view of a chat depends on its assignee. Compare who
 * saw it before with who sees it after; the difference gets chat:revoked / chat:granted.
 */
/**
 * A chat created in the caller's transaction and assigned in it: nobody outside has seen it,
 * so no agent loses it. Only its assignee, if an agent of the number, is granted it. (The
 * general diff would write a revoke for every other agent when unassigned chats are shown,
 * a thousand rows for a thousand agents on every new conversation.)
 */
export async function firstSightEvents(db: Exec, after: ChatRow): Promise<NewEvent[]> {
  if (after.assigneeId === null || !(await isAgentOfAccount(db, after.accountId, after.assigneeId))) return [];
  return [grantEvent(after, after.assigneeId)];
}

const grantEvent = (chat: ChatRow, memberId: string): NewEvent => ({
  body: { type: 'chat:granted', chat: toWireChat(chat) },
  audience: 'member',
  memberId,
  accountId: chat.accountId,
  chatId: chat.id,
});

export async function accessChangeEvents(
  db: Exec,
  before: Pick<ChatRow, 'assigneeId'>,
  after: ChatRow,
  settings: WireSettings,
  reason: ChatRevokeReason = 'unassigned',
): Promise<NewEvent[]> {
  const agents = await agentsOfAccount(db, after.accountId);
  const sees = (assigneeId: string | null, agent: string) =>
    assigneeId === agent || (assigneeId === null && settings.agentsSeeUnassigned);
  const out: NewEvent[] = [];
  for (const agent of agents) {
    const was = sees(before.assigneeId, agent);
    const is = sees(after.assigneeId, agent);
    if (was && !is)
      out.push({
        body: { type: 'chat:revoked', chatId: after.id, reason },
        audience: 'member',
        memberId: agent,
        accountId: after.accountId,
      });
    if (!was && is) out.push(grantEvent(after, agent));
  }
  return out;
}

/**
 * A member's role went down (admin → lead or agent, lead → agent): what the new role may
 * not see leaves their devices. An ex-admin loses the accounts they are not a member of
 * (account:revoked); a new agent loses, in their accounts, the chats assigned to others
 * and, unless the workspace allows it, the unassigned ones (chat:revoked 'role_changed').
 * Member audience, so a device that was offline learns it from its pull.
 */
export async function revokesOnDemotion(
  db: Exec,
  memberId: string,
  from: Role,
  to: Role,
  settings: WireSettings,
): Promise<NewEvent[]> {
  const rank: Record<Role, number> = { agent: 0, lead: 1, admin: 2 };
  if (rank[to] >= rank[from]) return [];
  const mine = await accountIdsOfMember(db, memberId);
  const out: NewEvent[] = [];
  if (from === 'admin') {
    for (const accountId of await allAccountIds(db))
      if (!mine.includes(accountId))
        out.push({ body: { type: 'account:revoked', accountId }, audience: 'member', memberId, accountId });
  }
  if (to === 'agent') {
    for (const accountId of mine)
      for (const chatId of await chatIdsHiddenFromAgent(db, accountId, memberId, settings.agentsSeeUnassigned))
        out.push({
          body: { type: 'chat:revoked', chatId, reason: 'role_changed' },
          audience: 'member',
          memberId,
          accountId,
        });
  }
  return out;
}
