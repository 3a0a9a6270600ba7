/** Attachment sizes the composer and the host's upload route check before any schema runs (#23). */

/**
 * A file may travel inside the command (base64) only while it fits the command's 1 MB limit:
 * larger files reach the core by path (Electron) or by an upload to the host (browser).
 */
export const MAX_INLINE_ATTACHMENT_BYTES = 700_000;
/** The largest file the core takes by path or upload: WhatsApp's document limit. */
export const MAX_ATTACHMENT_FILE_BYTES = 100 * 1024 * 1024;
