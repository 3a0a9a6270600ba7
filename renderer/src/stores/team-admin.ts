/**
 * What an admin manages on the members page: the workspace's WhatsApp accounts and who may
 * see each, plus creating and changing members. Members themselves live in the workspace
 * store (every team component shows them); changes come back through members:changed.
 */
import { create } from 'zustand';
import type { WorkspaceAccount } from '../../../common/api/workspace';
import type { Member, Role } from '../../../common/domain';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';
import { errorText } from '../lib/error-text';

type TeamAdminState = {
  accounts: readonly WorkspaceAccount[];
  /** False until the first list answered (or failed). */
  accountsLoaded: boolean;
  accountsError: string | null;
  loadAccounts(): Promise<void>;
  createMember(args: { name: string; email: string; role: Role; password: string }): Promise<Reply<Member>>;
  updateMember(args: { memberId: string; name?: string; role?: Role; active?: boolean }): Promise<Reply<Member>>;
  setAccountMember(accountId: string, memberId: string, member: boolean): Promise<Reply<WorkspaceAccount>>;
  setReadReceipts(accountId: string, enabled: boolean): Promise<Reply<unknown>>;
};

const replaceAccount = (list: readonly WorkspaceAccount[], a: WorkspaceAccount) =>
  list.some(x => x.id === a.id) ? list.map(x => (x.id === a.id ? a : x)) : [...list, a];

export const useTeamAdmin = create<TeamAdminState>((set, get) => ({
  accounts: [],
  accountsLoaded: false,
  accountsError: null,

  async loadAccounts() {
    const r = await api().invoke('workspaceAccounts:list', {});
    if (r.ok) set({ accounts: r.value, accountsLoaded: true, accountsError: null });
    else set({ accountsLoaded: true, accountsError: errorText(r.error) });
  },

  createMember: args => api().invoke('members:create', args),

  updateMember: args => api().invoke('members:update', args),

  async setAccountMember(accountId, memberId, member) {
    const r = await api().invoke(member ? 'workspaceAccounts:addMember' : 'workspaceAccounts:removeMember', {
      accountId,
      memberId,
    });
    if (r.ok) set({ accounts: replaceAccount(get().accounts, r.value) });
    return r;
  },

  async setReadReceipts(accountId, enabled) {
    const r = await api().invoke('workspaceAccounts:setReadReceipts', { accountId, enabled });
    if (r.ok) set({ accounts: get().accounts.map(a => (a.id === accountId ? { ...a, readReceipts: enabled } : a)) });
    return r;
  },
}));
