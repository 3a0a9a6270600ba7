/**
 * Limits every runner of the rules shares (the workspace server and a desktop that is not
 * signed in), so a rule behaves the same wherever it runs.
 */

/** A chat quiet this long is a new conversation when the customer writes again. */
export const CONVERSATION_IDLE_MS = 24 * 3_600_000;
/** Most automated messages to one contact in COOL_DOWN_WINDOW_MS: two bots cannot talk forever. */
export const RULE_REPLIES_MAX = 3;
export const COOL_DOWN_WINDOW_MS = 10 * 60_000;
