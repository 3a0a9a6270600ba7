/**
 * Why a WhatsApp number is in its state, as a code. The core and the account processes
 * send only these codes; the renderer words them (EN + Bahasa Indonesia) with what to
 * check next. The raw text a library or browser gave stays in `stateReason`, for
 * diagnostics only.
 */
export const ACCOUNT_STATUS_CODES = [
  // progress while linking or connecting
  'opening',
  'loading_chats',
  'linked_loading',
  'reconnecting',
  'phone_unreachable',
  // linking failures (a person can act on each)
  'no_network',
  'whatsapp_unreachable',
  'browser_missing',
  'browser_path_invalid',
  'browser_cannot_start',
  'browser_sandbox_root',
  'profile_locked',
  'inject_failed',
  'qr_expired',
  // the session ended
  'logged_out_phone',
  'unpaired',
  'logged_out_here',
  'session_restore_failed',
  'opened_elsewhere',
  // WhatsApp refuses
  'number_blocked',
  'network_refused',
  'outdated',
  // supervision
  'browser_closed',
  'process_crashed',
  'ready_timeout',
  'not_responding',
  'memory_restart',
  'disconnected_other',
  'unknown',
  // numbers that run elsewhere
  'host_offline',
  'cloud_number_removed',
] as const;

export type AccountStatusCode = (typeof ACCOUNT_STATUS_CODES)[number];

/**
 * Codes that happen while a number is being linked and that retrying may cure once the
 * person fixes something (network, browser): the add dialog says what to check and offers
 * "Try again now".
 */
export const LINK_PROBLEM_CODES: ReadonlySet<AccountStatusCode> = new Set<AccountStatusCode>([
  'no_network',
  'whatsapp_unreachable',
  'browser_missing',
  'browser_path_invalid',
  'browser_cannot_start',
  'browser_sandbox_root',
  'profile_locked',
  'inject_failed',
  'qr_expired',
  'browser_closed',
  'process_crashed',
  'ready_timeout',
  'not_responding',
  'disconnected_other',
  'unknown',
]);

export function isAccountStatusCode(value: unknown): value is AccountStatusCode {
  return typeof value === 'string' && (ACCOUNT_STATUS_CODES as readonly string[]).includes(value);
}
