/**
 * Classifies what whatsapp-web.js 1.34.7 and puppeteer-core 24 throw while a number opens
 * WhatsApp Web into a status code a person can act on. The patterns are the libraries' own
 * texts (see tests/unit/accounts/link-errors.test.ts for the captured messages); the raw
 * text is kept beside the code for diagnostics, never shown as the explanation.
 */
import type { AccountStatusCode } from '../../../../common/account-status';
import type { ProviderStatus } from '../../provider';

type Rule = { readonly code: AccountStatusCode; readonly test: RegExp };

/** First match wins: the specific launch failures come before the generic one. */
const RULES: readonly Rule[] = [
  // puppeteer: the configured executable is not there.
  { code: 'browser_missing', test: /Browser was not found at the configured executablePath/i },
  // Chromium refuses to run as root with its sandbox, or finds no usable sandbox.
  { code: 'browser_sandbox_root', test: /Running as root without --no-sandbox|No usable sandbox/i },
  // Another Chromium holds the profile (ProcessSingleton; exit code 21).
  {
    code: 'profile_locked',
    test: /profile appears to be in use|ProcessSingleton|SingletonLock|Code: 21\b/i,
  },
  // Any other failure of the browser process to start (a file that is not a browser: 127…).
  {
    code: 'browser_cannot_start',
    test: /Failed to launch the browser process|waiting for the WS endpoint URL|spawn .* (ENOENT|EACCES)/i,
  },
  // Chromium's own net errors from page.goto(web.whatsapp.com): no network at all, or no DNS.
  {
    code: 'no_network',
    test: /net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|NETWORK_CHANGED|ADDRESS_UNREACHABLE|NAME_RESOLUTION_FAILED)|ENOTFOUND|EAI_AGAIN/i,
  },
  // The network works but WhatsApp Web does not answer (blocked, proxy, TLS, timeouts).
  {
    code: 'whatsapp_unreachable',
    test: /net::ERR_(CONNECTION_\w+|TIMED_OUT|PROXY_\w+|TUNNEL_CONNECTION_FAILED|CERT_\w+|SSL_\w+|EMPTY_RESPONSE|HTTP2_\w+)|Navigation timeout/i,
  },
  // The page loaded but the library could not find WhatsApp Web's modules: a WhatsApp Web
  // change the library does not know yet (its own 'auth timeout' / 'ready timeout' throws,
  // or an evaluate() that fails inside the page).
  {
    code: 'inject_failed',
    test: /^auth timeout$|^ready timeout$|Evaluation failed|window\.require is not a function|Cannot read properties of undefined|is not a function/i,
  },
  // The browser went away under the library.
  {
    code: 'browser_closed',
    test: /Target closed|Session closed|Protocol error|Execution context was destroyed|browser has disconnected/i,
  },
];

/** The code for an error thrown by Client.initialize() (or the launch inside it). */
export function classifyLinkError(raw: string): AccountStatusCode {
  const text = raw.trim();
  for (const rule of RULES) if (rule.test.test(text)) return rule.code;
  return 'unknown';
}

/** The error's text, whether the library threw an Error or (as it does) a plain string. */
export function errorTextOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Failures a restart cannot cure: the number stops and says what to fix. */
const NO_RETRY: ReadonlySet<AccountStatusCode> = new Set<AccountStatusCode>([
  'browser_missing',
  'browser_sandbox_root',
  'profile_locked',
]);

/** The status for a rejected Client.initialize(): a code, the raw text as the detail. */
export function initializeFailure(
  raw: string,
): Extract<ProviderStatus, { state: 'disconnected' | 'logged_out' | 'failed' }> {
  const code = classifyLinkError(raw);
  const reason = raw.slice(0, 500);
  return NO_RETRY.has(code)
    ? { state: 'failed', action: 'alert', code, reason }
    : { state: 'disconnected', action: 'reconnect', code, reason };
}
