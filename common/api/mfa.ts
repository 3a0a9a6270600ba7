import { z } from 'zod';
import type { WireMfaConfirmed, WireMfaEnrolment, WireMfaStatus } from '../protocol-mfa';
import { command } from './define';

export type MfaStatus = WireMfaStatus;
export type MfaEnrolment = WireMfaEnrolment;
export type MfaConfirmed = WireMfaConfirmed;

/** The signed-in member's two-step sign-in, relayed to the workspace server (docs/protocol.md). */
export const mfaCommands = {
  'mfa:status': command<MfaStatus>()(z.strictObject({})),
  /** A new secret and its otpauth:// URI; TOTP is on only after 'mfa:confirm' with a current code. */
  'mfa:enrol': command<MfaEnrolment>()(z.strictObject({})),
  /** Also answers the ten recovery codes, which nobody can read again later. */
  'mfa:confirm': command<MfaConfirmed>()(z.strictObject({ code: z.string().regex(/^\d{6}$/) })),
  /** Turns it off; needs a current code from the app. */
  'mfa:disable': command<MfaStatus>()(z.strictObject({ code: z.string().regex(/^\d{6}$/) })),
} as const;
