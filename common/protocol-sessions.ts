/**
 * Sessions a member can manage (docs/protocol.md "Sessions and devices"): the devices signed
 * in as a member, and signing one out. Registered in protocol.ts's command table.
 */
import { z } from 'zod';
import { MIN_PASSWORD_CHARS } from './limits';

/** What a device says it runs on when it signs in; shown in the devices list. */
export const PLATFORMS = ['win', 'mac', 'linux', 'web', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const platformSchema = z.enum(PLATFORMS);

/** Without memberId: the caller's own devices. Another member's devices: admins only. */
export const sessionListSchema = z.strictObject({ memberId: z.string().uuid().optional() });

/** One signed-in device of a member: sessions that were signed out or expired are not listed. */
export type WireSession = {
  id: string;
  memberId: string;
  deviceName: string;
  platform: Platform | null;
  ip: string | null;
  createdAt: number;
  lastSeenAt: number;
  /** The session the asking device itself uses. */
  current: boolean;
};

/** The reply's shape as a device parses it (not strict: a newer server may add fields). */
export const wireSessionSchema = z.object({
  id: z.string().min(1),
  memberId: z.string().min(1),
  deviceName: z.string(),
  platform: platformSchema.nullable(),
  ip: z.string().nullable(),
  createdAt: z.number().int(),
  lastSeenAt: z.number().int(),
  current: z.boolean(),
});

/** Passwords have at least this many characters (sign-up, change and reset alike). */
export { MIN_PASSWORD_CHARS };
export const newPasswordSchema = z.string().min(MIN_PASSWORD_CHARS).max(200);

/**
 * Change one's own password. Refusals carry `details.reason`: 'wrong_password' (forbidden),
 * 'same_password' (invalid_args). The member's other sessions are signed out; this one stays.
 */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: newPasswordSchema,
});

/** Admins: a one-time reset code for a member (shown once), and the member's devices signed out. */
export const passwordResetStartSchema = z.strictObject({ memberId: z.string().uuid() });
export type WirePasswordReset = { code: string; expiresAt: number };
export const wirePasswordResetSchema = z.object({ code: z.string().min(1), expiresAt: z.number().int() });

/** POST /api/password/reset: the member sets a new password with the code and is signed in. */
export const passwordResetSchema = z.strictObject({
  email: z.email().max(320),
  code: z.string().min(1).max(100),
  newPassword: newPasswordSchema,
  deviceName: z.string().min(1).max(100),
  platform: platformSchema.optional(),
  deviceKey: z.string().min(16).max(200).optional(),
  /** A member with two-step sign-in also sends a current code (or a recovery code). */
  mfaCode: z.string().trim().min(6).max(40).optional(),
});
