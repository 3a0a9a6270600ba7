/**
 * Limits and value lists the renderer's first screen uses, apart from the zod schemas that
 * enforce them (common/protocol*.ts import and re-export them): importing a number must not
 * build every schema in the page's first script (#23).
 */

/** The shortest password a member may set. */
export const MIN_PASSWORD_CHARS = 10;
/** RFC 5321's limit on an address. */
export const MAX_EMAIL_CHARS = 254;

/** The colours a tag may have: names, not CSS, so nothing a client sends ends up in a style. */
export const TAG_COLORS = ['gray', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'pink'] as const;
export type TagColor = (typeof TAG_COLORS)[number];
