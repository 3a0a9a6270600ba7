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

/** An admin turns off another member's second factor (they lost their phone and codes). */
export const mfaResetSchema = z.strictObject({ memberId: z.uuid() });
/** New recovery codes replace the old ones; takes a current code from the app. */
export const mfaRecoveryRegenerateSchema = z.strictObject({ code: totpCodeSchema });

/**
 * enabled: TOTP is on for the caller; pending: an enrolment was started and not yet
 * confirmed; recoveryCodesLeft: unused recovery codes; adminsRequireMfa: the workspace
 * requires admins to use it; required: the caller is such an admin without it, so this
 * device may only enrol (MFA_ENROLMENT_COMMANDS).
 */
export type WireMfaStatus = {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
  adminsRequireMfa: boolean;
  required: boolean;
};
/** The reply to a confirmation or regeneration: the status and ten recovery codes, shown this once. */
export type WireMfaConfirmed = {
  enabled: boolean;
  pending: boolean;
  recoveryCodesLeft: number;
  adminsRequireMfa: boolean;
  required: boolean;
  recoveryCodes: string[];
};
/** The member whose second factor an admin turned off, and their devices signed out. */
export type WireMfaReset = { memberId: string; signedOut: number };
/** A new secret (base32) and its otpauth:// URI (issuer "Blazz Desk", label = e-mail), shown once. */
export type WireMfaEnrolment = { secret: string; uri: string };

/**
 * What an admin may still do while the workspace requires two-step sign-in and they have not
 * enrolled: enrol it, see and end their sessions, change their password, read the settings.
 * Every other command answers `forbidden` with details.reason 'mfa_enrolment_required'.
 */
export const MFA_ENROLMENT_COMMANDS: ReadonlySet<string> = new Set([
  'mfa:status',
  'mfa:enrol',
  'mfa:confirm',
  'session:list',
  'session:revoke',
  'password:change',
  'settings:get',
]);

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface MfaCommands {
  'mfa:status': Cmd<WireMfaStatus>;
  'mfa:enrol': Cmd<WireMfaEnrolment>;
  'mfa:confirm': Cmd<WireMfaConfirmed>;
  'mfa:disable': Cmd<WireMfaStatus>;
  'mfa:recovery-regenerate': Cmd<WireMfaConfirmed>;
  'mfa:reset': Cmd<WireMfaReset>;
}

export const MFA_COMMAND_SCHEMAS = {
  'mfa:status': z.strictObject({}),
  'mfa:enrol': z.strictObject({}),
  'mfa:confirm': mfaConfirmSchema,
  'mfa:disable': mfaDisableSchema,
  'mfa:recovery-regenerate': mfaRecoveryRegenerateSchema,
  'mfa:reset': mfaResetSchema,
} as const;

const wireMfaStatusSchema = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
  adminsRequireMfa: z.boolean(),
  required: z.boolean(),
});
const wireMfaConfirmedSchema = wireMfaStatusSchema.extend({ recoveryCodes: z.array(z.string().min(1).max(40)) });

/** The reply values' schemas (objects not strict, as in reply-schemas.ts). */
export const MFA_REPLY_SCHEMAS = {
  'mfa:status': wireMfaStatusSchema,
  'mfa:enrol': z.object({ secret: z.string().regex(/^[A-Z2-7]+=*$/), uri: z.string().startsWith('otpauth://') }),
  'mfa:confirm': wireMfaConfirmedSchema,
  'mfa:disable': wireMfaStatusSchema,
  'mfa:recovery-regenerate': wireMfaConfirmedSchema,
  'mfa:reset': z.object({ memberId: z.string(), signedOut: z.number().int().min(0) }),
} as const;
