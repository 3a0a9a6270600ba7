/**
 * The server side of `common/handover.ts`: the checks `chat:assign` makes before and inside
 * its conditional write, so leads and admins keep their powers and agents hand on only
 * their own chats, only when the workspace allows it, only to colleagues of the number.
 */
import type { HandOverRefusal } from '../../../common/handover';
import { can } from '../../../common/permissions';
import { CommandError } from '../../../common/result';
import type { Exec } from '../db/index';
import type { ChatRow } from '../db/repositories/chats';
import { accountIdsOfMember, memberById } from '../db/repositories/members';
import type { Caller } from './context';

const refuse = (code: 'forbidden' | 'invalid_args', reason: HandOverRefusal, message: string): never => {
  throw new CommandError(code, message, { reason });
};

/** Before the chat is read: a role without `chats.assign` needs the workspace rule. */
export function requireAssignOrHandOver(caller: Caller): void {
  if (can(caller.role, 'chats.assign')) return;
  if (!caller.settings.agentsMayHandOver)
    refuse('forbidden', 'handover_not_allowed', 'agents may not hand chats on in this workspace');
}

/**
 * Inside the write, on the chat as it is now: may the caller give it to `assigneeId`
 * (null: back to the queue)? Throws the refusal; returns nothing when allowed.
 */
export async function checkAssignment(
  tx: Exec,
  caller: Caller,
  current: ChatRow,
  assigneeId: string | null,
): Promise<void> {
  const lead = can(caller.role, 'chats.assign');
  if (!lead && current.assigneeId !== caller.memberId)
    refuse('forbidden', 'not_assignee', 'an agent may hand on only a chat assigned to them');
  if (assigneeId === null) return;
  const member = await memberById(tx, assigneeId);
  if (!member || !member.active) return notMember();
  // Leads and admins may assign an admin outside the number (admins see every chat); an
  // agent hands on only to someone who works on the number.
  if (lead && member.role === 'admin') return;
  if (!(await accountIdsOfMember(tx, assigneeId)).includes(current.accountId)) notMember();
}

function notMember(): never {
  return refuse('invalid_args', 'assignee_not_member', 'the assignee is not an active member of this account');
}
