/**
 * The second sign-in factor (TOTP, RFC 6238) on the sync protocol: a member's own
 * enrolment commands. Registered in protocol.ts (command map and schema table) and
 * reply-schemas.ts; described in docs/protocol.md, "Two-step sign-in".
 */
import { z } from 'zod';
import type { Reply } from './result';

/** A current six-digit code from the member's authenticator app. */
export const totpCodeSchema = z.string().regex(/^\d{6}$/);
/** What /api/login's optional `code` accepts: a TOTP code or a recovery code. */
export const loginCodeSchema = z.string().trim().min(6).max(40);

export const mfaConfirmSchema = z.strictObject({ code: totpCodeSchema });
/** Turning one's own TOTP off takes a current code, so an unattended signed-in desktop cannot. */
export const mfaDisableSchema = z.strictObject({ code: totpCodeSchema });

/**
 * enabled: TOTP is on for the caller; pending: an enrolment was started and not yet
 * confirmed; recoveryCodesLeft: unused recovery codes.
 */
export type WireMfaStatus = { enabled: boolean; pending: boolean; recoveryCodesLeft: number };
/** The reply to a confirmation: the status and the ten recovery codes, shown this once. */
export type WireMfaConfirmed = {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
  recoveryCodes: string[];
};
/** A new secret (base32) and its otpauth:// URI (issuer "Blazz Desk", label = e-mail), shown once. */
export type WireMfaEnrolment = { secret: string; uri: string };

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface MfaCommands {
  'mfa:status': Cmd<WireMfaStatus>;
  'mfa:enrol': Cmd<WireMfaEnrolment>;
  'mfa:confirm': Cmd<WireMfaConfirmed>;
  'mfa:disable': Cmd<WireMfaStatus>;
}

export const MFA_COMMAND_SCHEMAS = {
  'mfa:status': z.strictObject({}),
  'mfa:enrol': z.strictObject({}),
  'mfa:confirm': mfaConfirmSchema,
  'mfa:disable': mfaDisableSchema,
} as const;

const wireMfaStatusSchema = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});

/** The reply values' schemas (objects not strict, as in reply-schemas.ts). */
export const MFA_REPLY_SCHEMAS = {
  'mfa:status': wireMfaStatusSchema,
  'mfa:enrol': z.object({ secret: z.string().regex(/^[A-Z2-7]+=*$/), uri: z.string().startsWith('otpauth://') }),
  'mfa:confirm': wireMfaStatusSchema.extend({ recoveryCodes: z.array(z.string().min(1).max(40)) }),
  'mfa:disable': wireMfaStatusSchema,
} as const;
