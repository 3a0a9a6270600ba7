import { z } from 'zod';
import { accountIdSchema } from '../ids';
import type { AccountStatusCode } from '../account-status';
import type { Account } from '../domain';
import { SIMULATOR_PACES } from '../domain';
import { command } from './define';

const accountId = accountIdSchema;
const phoneDigits = z
  .string()
  .transform(s => s.replace(/[\s+()-]/g, ''))
  .pipe(z.string().regex(/^\d{5,20}$/, 'a phone number in international format, digits only'));
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #25d366');
/** A browser's path; empty or null: the browser detected on this machine. */
const browserPath = z.string().trim().max(4096).nullable();

/** Why a typed browser path cannot be used (the dialog words each). */
export type BrowserPathProblem = 'missing' | 'not_a_file' | 'not_executable';

export const accountsCommands = {
  'accounts:list': command<readonly Account[]>()(z.strictObject({})),
  /** Adds an account and starts it: a QR (or a pairing code for `pairingPhone`) follows. */
  'accounts:add': command<Account>()(
    z.strictObject({
      provider: z.enum(['webjs', 'simulator']),
      name: z.string().trim().min(1).max(100),
      color: color.optional(),
      pairingPhone: phoneDigits.optional(),
      /** whatsapp-web.js only; refused `invalid_args` (details.reason 'browser_path') when unusable. */
      browserPath: browserPath.optional(),
    }),
  ),
  'accounts:start': command<Account>()(z.strictObject({ accountId })),
  'accounts:stop': command<Account>()(z.strictObject({ accountId })),
  /** Unlinks the device from WhatsApp and deletes the saved session. */
  'accounts:logout': command<Account>()(z.strictObject({ accountId })),
  /** Stops, logs out and forgets the account. */
  'accounts:remove': command<{ readonly accountId: string }>()(z.strictObject({ accountId })),
  'accounts:update': command<Account>()(
    z.strictObject({
      accountId,
      name: z.string().trim().min(1).max(100).optional(),
      color: color.optional(),
      muted: z.boolean().optional(),
      /** Simulated numbers only (`invalid_args` otherwise); the number restarts at the new pace. */
      simulatorPace: z.enum(SIMULATOR_PACES).optional(),
      /** whatsapp-web.js only: a running number restarts with the new browser. */
      browserPath: browserPath.optional(),
      /** "Send read receipts" of a number this desktop hosts (no restart). */
      readReceipts: z.boolean().optional(),
    }),
  ),
  /** The browser detected on this machine, and whether `path` (if given) can be used instead. */
  'accounts:checkBrowser': command<{
    readonly detected: string | null;
    readonly problem: BrowserPathProblem | null;
  }>()(z.strictObject({ path: browserPath.optional() })),
  /** Phone-number pairing instead of a QR scan: the code is typed on the phone. */
  'accounts:requestPairingCode': command<{ readonly code: string }>()(
    z.strictObject({ accountId, phone: phoneDigits }),
  ),
  /** "Try the demo": two simulated accounts with customers writing in several languages. */
  'demo:start': command<readonly Account[]>()(z.strictObject({})),
  /**
   * A simulated number's first group gets, now, a poll with three votes or a message that
   * @mentions a member and us; `hidden_number`: a customer whose number is hidden (a lid
   * only) writes in a new chat (tests, training). Simulated numbers only: `invalid_args`
   * otherwise; `unavailable` when it is not running.
   */
  'demo:simulate': command<{ readonly accountId: string }>()(
    z.strictObject({ accountId, what: z.enum(['poll', 'mention', 'hidden_number']) }),
  ),
} as const;

/** What happened to a number: it lost its connection, came back, or stopped retrying. */
export const ACCOUNT_ALERT_CODES = ['dropped', 'recovered', 'gave_up'] as const;
export type AccountAlertCode = (typeof ACCOUNT_ALERT_CODES)[number];

/** Codes, never sentences: the renderer words them in the reader's language. */
export type AccountAlert = {
  readonly accountId: string;
  readonly accountName: string;
  readonly level: 'warning' | 'error' | 'info';
  readonly code: AccountAlertCode;
  /** Why, as an account status code (common/account-status.ts); null when none is known. */
  readonly reasonCode: AccountStatusCode | null;
  /** The raw detail behind it (a library's or browser's own text): diagnostics only, never shown as the alert. */
  readonly detail: string | null;
  /** For `gave_up` after retrying: how many tries failed in a row; else null. */
  readonly tries: number | null;
  /** How long the number was unreachable; null while it is still down. */
  readonly downtimeMs: number | null;
};

export type AccountsEvents = {
  'accounts:changed': { readonly accounts: readonly Account[] };
  /** A number dropped, came back, or gave up: the desktop shows an OS notification. */
  'accounts:alerted': AccountAlert;
};

export const accountsEventNames: Record<keyof AccountsEvents, true> = {
  'accounts:changed': true,
  'accounts:alerted': true,
};
