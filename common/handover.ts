/**
 * Who may hand a chat on (release it to the queue or transfer it to a colleague). One rule
 * shared by the server, which enforces it, and the conversation panel, which offers only
 * what the server would accept. Pure: no I/O.
 */
import type { Role } from './domain';
import { can } from './permissions';

/** Why the server refused a hand-on; sent as `error.details.reason`. */
export type HandOverRefusal =
  /** The caller is an agent and the workspace rule `agentsMayHandOver` is off. */
  | 'handover_not_allowed'
  /** An agent may hand on only a chat assigned to them. */
  | 'not_assignee'
  /** The new assignee is not an active member of the chat's number. */
  | 'assignee_not_member';

/** The workspace setting this rule reads. */
export type HandOverSettings = { readonly agentsMayHandOver: boolean };

/**
 * May this member release or transfer this chat? Leads and admins assign any chat they see
 * (`chats.assign`); an agent only their own chat, and only while the workspace allows it.
 * Whether the chat is visible at all is decided elsewhere (`canSeeChat`).
 */
export function mayHandOver(
  caller: { readonly id: string; readonly role: Role },
  chat: { readonly assigneeId: string | null },
  settings: HandOverSettings,
): boolean {
  if (can(caller.role, 'chats.assign')) return true;
  return settings.agentsMayHandOver && chat.assigneeId === caller.id;
}

/**
 * Colleagues an agent may transfer a chat to: active members of the chat's number other
 * than the agent. Membership is explicit: an admin who is not a member of the number does
 * not work on it, so an agent cannot push a chat onto them.
 */
export function handOverTargets<M extends { readonly id: string; readonly active: boolean }>(
  members: readonly M[],
  accountMemberIds: readonly string[],
  selfId: string,
): M[] {
  const onNumber = new Set(accountMemberIds);
  return members.filter(m => m.active && m.id !== selfId && onNumber.has(m.id));
}
