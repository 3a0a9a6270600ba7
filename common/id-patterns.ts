/**
 * Id formats without zod, for the core process's first step, which checks its few
 * arguments by hand before zod loads (#23). ids.ts builds its schemas on these.
 */

/** Desktops make `acc_` + 12 hex; any letters, digits, '_' and '-' up to 64 are accepted. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
