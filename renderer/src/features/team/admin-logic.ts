/**
 * Pure rules of the members page: who may use it, what an admin may change on a row, the
 * new-member form's checks, and refusals worded by error code (the core's English is
 * only the fallback). Unit-tested in plain Node.
 */
import type { WorkspaceAccount } from '../../../../common/api/workspace';
import type { Member, Role } from '../../../../common/domain';
import { can } from '../../../../common/permissions';
import type { ReplyError } from '../../../../common/result';
import type { Phrase } from './logic';

export const MIN_PASSWORD = 10;
export const ROLES: readonly Role[] = ['admin', 'lead', 'agent'];

export const canManageMembers = (role: Role): boolean => can(role, 'members.manage');
export const canManageAccounts = (role: Role): boolean => can(role, 'accounts.manage');

/** An admin changes anyone but themselves (the server refuses self-demotion, so an admin always remains). */
export const rowEditable = (member: Pick<Member, 'id'>, meId: string): boolean => member.id !== meId;

/** Members for the admin table: active first, then by name. */
export function sortForAdmin(members: readonly Member[]): readonly Member[] {
  return [...members].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name));
}

export type NewMember = {
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  readonly password: string;
};

/** The form's own checks, before the core's schema (which refuses the same things less kindly). */
export function newMemberProblem(m: NewMember): Phrase | null {
  if (m.name.trim() === '' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(m.email.trim()))
    return { key: 'team.members.error.invalid' };
  if (m.password.length < MIN_PASSWORD) return { key: 'team.members.error.short' };
  return null;
}

/** A refusal of members:create / members:update / account membership, in the admin's words. */
export function adminErrorPhrase(error: ReplyError, action: 'create' | 'update' | 'membership'): Phrase {
  switch (error.code) {
    case 'conflict':
      return action === 'create' ? { key: 'team.members.error.emailTaken' } : otherError(error);
    case 'invalid_args':
      if (action === 'update' && /yourself|themselves/i.test(error.message)) return { key: 'team.members.error.self' };
      return { key: 'team.members.error.invalid' };
    case 'unavailable':
    case 'timeout':
      return { key: 'team.members.error.offline' };
    case 'forbidden':
      return { key: 'team.members.error.forbidden' };
    case 'not_found':
      return { key: 'team.members.error.gone' };
    default:
      return otherError(error);
  }
}

const otherError = (error: ReplyError): Phrase => ({
  key: 'team.members.error.other',
  vars: { message: error.message },
});

/**
 * The members to list under an account: every active member, each with whether they may
 * see it now. Admins see every number whatever the membership says, so their box is fixed.
 */
export function accountAccessRows(
  account: WorkspaceAccount,
  members: readonly Member[],
): readonly { readonly member: Member; readonly checked: boolean; readonly fixed: boolean }[] {
  return members
    .filter(m => m.active)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(member => ({
      member,
      checked: member.role === 'admin' || account.memberIds.includes(member.id),
      fixed: member.role === 'admin',
    }));
}
