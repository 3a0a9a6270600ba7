/**
 * Renderer→core commands of the workspace's security settings: the devices signed in as a
 * member, and signing one out. Relayed to the server's session:* commands.
 */
import { z } from 'zod';
import type { Platform } from '../protocol-sessions';
import { newPasswordSchema } from '../protocol-sessions';
import { command } from './define';

/** One device signed in as a member (sessions signed out or expired are not listed). */
export type DeviceSession = {
  readonly id: string;
  readonly memberId: string;
  readonly deviceName: string;
  readonly platform: Platform | null;
  readonly ip: string | null;
  readonly createdAt: number;
  readonly lastSeenAt: number;
  /** The session this desktop itself uses. */
  readonly current: boolean;
};

export const securityCommands = {
  /** Without memberId: my own devices. Admins may name any member. */
  'security:sessions': command<readonly DeviceSession[]>()(z.strictObject({ memberId: z.string().uuid().optional() })),
  /** Signs a device out (mine, or any member's for admins); it must sign in again. */
  'security:revokeSession': command<{ readonly sessionId: string }>()(z.strictObject({ sessionId: z.string().uuid() })),
  /**
   * Changes my password; my other devices are signed out, this one stays. Refusals carry
   * `details.reason` 'wrong_password' or 'same_password' (see docs/protocol.md).
   */
  'security:changePassword': command<{ readonly signedOut: number }>()(
    z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema }),
  ),
  /** Admins: a one-time reset code for a member (show it once); the member's devices are signed out. */
  'security:startReset': command<{ readonly code: string; readonly expiresAt: number }>()(
    z.strictObject({ memberId: z.string().uuid() }),
  ),
} as const;
