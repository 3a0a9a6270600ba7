import type { AccountsEvents } from '../../common/api/accounts';
import type { TrayAccount } from './control';

/** What main's tray and badge need from an accounts:changed event, nothing more. */
export function trayAccounts(payload: AccountsEvents['accounts:changed']): TrayAccount[] {
  return payload.accounts.map(a => ({
    id: a.id,
    name: a.name,
    unread: a.unreadCount,
    state: a.state,
    muted: a.muted,
  }));
}
