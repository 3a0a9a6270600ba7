import { z } from 'zod';
import type { WireMfaConfirmed, WireMfaEnrolment, WireMfaReset, WireMfaStatus } from '../protocol-mfa';
import { command } from './define';

export type MfaStatus = WireMfaStatus;
export type MfaEnrolment = WireMfaEnrolment;
export type MfaConfirmed = WireMfaConfirmed;
export type MfaReset = WireMfaReset;

const totpCode = z.string().regex(/^\d{6}$/);

/** The signed-in member's two-step sign-in, relayed to the workspace server (docs/protocol.md). */
export const mfaCommands = {
  'mfa:status': command<MfaStatus>()(z.strictObject({})),
  /** A new secret and its otpauth:// URI; TOTP is on only after 'mfa:confirm' with a current code. */
  'mfa:enrol': command<MfaEnrolment>()(z.strictObject({})),
  /** Also answers the ten recovery codes, which nobody can read again later. */
  'mfa:confirm': command<MfaConfirmed>()(z.strictObject({ code: totpCode })),
  /** Turns it off; needs a current code from the app. */
  'mfa:disable': command<MfaStatus>()(z.strictObject({ code: totpCode })),
  /** Ten new recovery codes replace the old ones (shown once); needs a current code from the app. */
  'mfa:recovery-regenerate': command<MfaConfirmed>()(z.strictObject({ code: totpCode })),
  /** Admins: turns off another member's second factor and signs them out everywhere. */
  'mfa:reset': command<MfaReset>()(z.strictObject({ memberId: z.uuid() })),
  /** Admins: the workspace policy "admins must use two-step sign-in"; answers the caller's status. */
  'mfa:policy:set': command<MfaStatus>()(z.strictObject({ adminsRequireMfa: z.boolean() })),
} as const;
