/**
 * The constants the definitions in docs/reports.md name. Changing one changes what every
 * figure means: change docs/reports.md with it.
 */

/**
 * The idle limit: an inbound message this long (or more) after a conversation's last message
 * starts a new conversation when the old one was never resolved, and an inbound message (or a
 * member setting the chat open again) less than this long after a resolution reopens it.
 */
export const CONVERSATION_IDLE_MS = 24 * 60 * 60 * 1000;

/**
 * How far before the range the server reads messages and chat changes, so a conversation
 * that opened shortly before the range is known with its real start.
 */
export const REPORT_LOOKBACK_MS = 7 * 24 * 60 * 60 * 1000;

/** How long a computed range is served from memory before it is read again. */
export const REPORT_CACHE_TTL_MS = 60_000;
/** Computed ranges kept per server process (least recently computed dropped first). */
export const REPORT_CACHE_MAX_ENTRIES = 32;
