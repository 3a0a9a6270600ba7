/** The desktop app's tray menu and tooltip (main has no words of its own: the page sends these). */
export const trayEn = {
  'tray.show': 'Show Blazz Desk',
  'tray.pauseNotifications': 'Pause notifications',
  'tray.quit': 'Quit',
  'tray.unread': 'Blazz Desk — {count} unread',
} as const;

export type TrayMessageKey = keyof typeof trayEn;
