/** English UI strings. Every key must also exist in id.ts (the compiler checks it). */
export const en = {
  'app.title': 'Blazz Desk',
  'app.tagline': 'Your team’s WhatsApp inbox',
  'shell.electron': 'Desktop app',
  'shell.headless': 'Headless host',
  'about.heading': 'About this installation',
  'about.version': 'Version',
  'about.shell': 'Running as',
  'about.platform': 'Platform',
  'about.dataDir': 'Data folder',
  'accounts.heading': 'WhatsApp accounts',
  'accounts.empty': 'No WhatsApp accounts yet.',
  'accounts.emptyHint': 'Add a number to start receiving conversations here.',
  'connection.connecting': 'Connecting to Blazz Desk…',
  'connection.disconnected': 'Connection to the app lost. Reconnecting…',
  'connection.unauthorized': 'This page has no valid access token. Open the address printed by `npm run serve`.',
  'error.loadFailed': 'Could not load: {message}',
  'common.retry': 'Retry',
} as const;

export type MessageKey = keyof typeof en;
