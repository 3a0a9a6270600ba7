/** Chats, messages and search over the local store. */
export const inboxCommands = {} as const;

export type InboxEvents = Record<never, never>;

export const inboxEventNames: Record<keyof InboxEvents, true> = {};
