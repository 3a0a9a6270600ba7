/** AI help: suggested replies, summaries, rewrite, sentiment. */
export const aiCommands = {} as const;

export type AiEvents = Record<never, never>;

export const aiEventNames: Record<keyof AiEvents, true> = {};
