import type { MenuItemConstructorOptions } from 'electron';

export type TrayAccount = {
  readonly id: string;
  readonly name: string;
  readonly unread: number;
  readonly state: string;
};

export type TrayState = {
  readonly accounts: readonly TrayAccount[];
  readonly notificationsPaused: boolean;
};

export type TrayActions = {
  show(): void;
  openAccount(accountId: string): void;
  setNotificationsPaused(paused: boolean): void;
  quit(): void;
};

/** Total unread across accounts, for the tray tooltip/badge and the window title. */
export const totalUnread = (accounts: readonly TrayAccount[]): number => accounts.reduce((n, a) => n + a.unread, 0);

export function trayTooltip(state: TrayState): string {
  const total = totalUnread(state.accounts);
  return total > 0 ? `Blazz Desk — ${total} unread` : 'Blazz Desk';
}

/** The icon's unread dot and, on macOS, the count beside it (capped like other badges). */
export function trayBadge(state: TrayState): { readonly dot: boolean; readonly title: string } {
  const total = totalUnread(state.accounts);
  return { dot: total > 0, title: total === 0 ? '' : total > 99 ? '99+' : String(total) };
}

/** The tray menu as data, so its content is tested without Electron. */
export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const accountItems: MenuItemConstructorOptions[] = state.accounts.map(a => ({
    label: `${a.name}${a.unread > 0 ? ` (${a.unread})` : ''}${a.state === 'ready' ? '' : ` — ${a.state.replace('_', ' ')}`}`,
    click: () => actions.openAccount(a.id),
  }));
  return [
    { label: 'Show Blazz Desk', click: () => actions.show() },
    ...(accountItems.length ? [{ type: 'separator' as const }, ...accountItems] : []),
    { type: 'separator' },
    {
      label: 'Pause notifications',
      type: 'checkbox',
      checked: state.notificationsPaused,
      click: () => actions.setNotificationsPaused(!state.notificationsPaused),
    },
    { type: 'separator' },
    { label: 'Quit', click: () => actions.quit() },
  ];
}
