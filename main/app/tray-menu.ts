import type { MenuItemConstructorOptions } from 'electron';
import type { ShellLabels } from '../../common/api/app';

export type TrayAccount = {
  readonly id: string;
  readonly name: string;
  readonly unread: number;
  readonly state: string;
};

export type TrayState = {
  readonly accounts: readonly TrayAccount[];
  readonly notificationsPaused: boolean;
  /** The page's words for the tray, once it sent them. */
  readonly labels: ShellLabels | null;
};

/**
 * Until the page has loaded and sent its words (a second or so after start), the tray speaks
 * English: main has no dictionary, and an unlabelled menu would be worse.
 */
export const BEFORE_PAGE_LABELS: ShellLabels = {
  show: 'Show Blazz Desk',
  pauseNotifications: 'Pause notifications',
  quit: 'Quit',
  unread: 'Blazz Desk — {count} unread',
  states: {},
};

const labelsOf = (state: TrayState): ShellLabels => state.labels ?? BEFORE_PAGE_LABELS;

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
  // The product's name is not translated.
  return total > 0 ? labelsOf(state).unread.replaceAll('{count}', String(total)) : 'Blazz Desk';
}

/** The icon's unread dot and, on macOS, the count beside it (capped like other badges). */
export function trayBadge(state: TrayState): { readonly dot: boolean; readonly title: string } {
  const total = totalUnread(state.accounts);
  return { dot: total > 0, title: total === 0 ? '' : total > 99 ? '99+' : String(total) };
}

/** The tray menu as data, so its content is tested without Electron. */
export function trayMenuTemplate(state: TrayState, actions: TrayActions): MenuItemConstructorOptions[] {
  const labels = labelsOf(state);
  // A state the page has no words for is shown as its code rather than not at all.
  const stateText = (s: string) => labels.states[s] ?? s.replaceAll('_', ' ');
  const accountItems: MenuItemConstructorOptions[] = state.accounts.map(a => ({
    label: `${a.name}${a.unread > 0 ? ` (${a.unread})` : ''}${a.state === 'ready' ? '' : ` — ${stateText(a.state)}`}`,
    click: () => actions.openAccount(a.id),
  }));
  return [
    { label: labels.show, click: () => actions.show() },
    ...(accountItems.length ? [{ type: 'separator' as const }, ...accountItems] : []),
    { type: 'separator' },
    {
      label: labels.pauseNotifications,
      type: 'checkbox',
      checked: state.notificationsPaused,
      click: () => actions.setNotificationsPaused(!state.notificationsPaused),
    },
    { type: 'separator' },
    { label: labels.quit, click: () => actions.quit() },
  ];
}
