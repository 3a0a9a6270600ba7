/** English strings of older history from the phone. Every key must also exist in history.id.ts. */
export const historyEn = {
  'history.loading': 'Loading older messages…',
  'history.start': 'This is the beginning of the chat',
  'history.limit': 'Older messages stay on the phone',
  'history.offline': 'Older messages could not be loaded: {account} is not connected.',
  'history.failed': 'Older messages could not be loaded from the phone.',
  'history.retry': 'Try again',
} as const;

export type HistoryMessageKey = keyof typeof historyEn;
