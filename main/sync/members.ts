/** What this device remembers of the workspace's members, and which accounts' chats it listed. */
import type { Member, MemberId, Role } from '../../common/domain';
import type { WireMember } from '../../common/protocol';
import type { Logger } from '../platform/log';
import type { Store } from '../store';

const MEMBERS_KEY = 'workspace.members';

export const memberOfWire = (m: Pick<WireMember, 'id' | 'name' | 'email' | 'role' | 'active'>): Member => ({
  id: m.id as MemberId,
  name: m.name,
  email: m.email,
  role: m.role as Role,
  active: m.active,
});

/**
 * The cache, kept fresh from the server: `fetch` is member:list; a failure keeps what we had
 * (the list is only names and roles for display) and is logged.
 */
export function createMemberCache(
  store: Store,
  fetch: () => Promise<readonly WireMember[]>,
  changed: (members: Member[]) => void,
  log: Pick<Logger, 'warn'>,
) {
  const list = (): Member[] => {
    const raw = store.getSetting(MEMBERS_KEY);
    return Array.isArray(raw) ? (raw as unknown as Member[]) : [];
  };
  return {
    list,
    save(member: Member): void {
      store.setSetting(MEMBERS_KEY, [...list().filter(x => x.id !== member.id), member]);
    },
    replaceAll(members: readonly WireMember[]): void {
      store.setSetting(MEMBERS_KEY, members.map(memberOfWire));
    },
    clear: () => store.deleteSetting(MEMBERS_KEY),
    async refresh(): Promise<void> {
      try {
        store.setSetting(MEMBERS_KEY, (await fetch()).map(memberOfWire));
        changed(list());
      } catch (err) {
        log.warn('member list unavailable', { err: String(err) });
      }
    },
  };
}

const LOADED_KEY = 'workspace.loadedAccounts';

/**
 * Accounts whose chats were listed here since we may see them. No event replays an
 * account's chats when a member gains it, so the first account:updated that shows us in
 * it triggers one chat:list; this remembers that it happened.
 */
export function createLoadedAccounts(store: Store) {
  const ids = (): string[] => {
    const raw = store.getSetting(LOADED_KEY);
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : [];
  };
  return {
    has: (id: string) => ids().includes(id),
    add(id: string): void {
      if (!ids().includes(id)) store.setSetting(LOADED_KEY, [...ids(), id]);
    },
    remove(id: string): void {
      store.setSetting(
        LOADED_KEY,
        ids().filter(x => x !== id),
      );
    },
    clear: () => store.deleteSetting(LOADED_KEY),
  };
}
