/** A member's own two-step sign-in: status, enrolment (a new secret) and its confirmation. */
import { randomBytes } from 'node:crypto';
import { CommandError } from '../../../common/result';
import { consumeCode, mfaKeyMissing, openSecret, SECRET_BYTES, stepOfCode, totpOf } from '../auth/mfa';
import { encryptSecret } from '../auth/mfa-crypto';
import { memberById } from '../db/repositories/members';
import {
  deleteMfa,
  mfaOf,
  putPendingMfa,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  takeStep,
} from '../db/repositories/mfa';
import { newRecoveryCodes, recoveryCodeHash } from '../auth/mfa-recovery';
import type { MfaRow } from '../db/repositories/mfa';
import { insertAudit } from '../db/repositories/workspace';
import type { WireMfaStatus } from '../../../common/protocol-mfa';
import type { Caller, Services } from './context';
import { mustEnrolMfa } from './context';
import { rooms } from './rooms';
import type { HandlerTable } from './dispatch';

/** The caller's status; `required` is as of this command (the caller was loaded for it). */
export const statusOf = (
  caller: Pick<Caller, 'role' | 'settings'>,
  row: MfaRow | undefined,
  recoveryCodesLeft: number,
): WireMfaStatus => {
  const enabled = Boolean(row?.enabledAt);
  return {
    enabled,
    pending: Boolean(row && !row.enabledAt),
    recoveryCodesLeft,
    adminsRequireMfa: caller.settings.adminsRequireMfa,
    required: mustEnrolMfa({ role: caller.role, settings: caller.settings, mfaEnabled: enabled }),
  };
};

export function mfaHandlers(
  services: Services,
): Pick<HandlerTable, 'mfa:status' | 'mfa:enrol' | 'mfa:confirm' | 'mfa:disable'> {
  const { db, mfaKey } = services;
  return {
    'mfa:status': async caller =>
      statusOf(caller, await mfaOf(db, caller.memberId), await recoveryCodesLeft(db, caller.memberId)),

    'mfa:enrol': async caller => {
      // No key, no enrolment: a secret stored in clear (or under a derived key) is what this refuses.
      if (!mfaKey) throw mfaKeyMissing();
      if ((await mfaOf(db, caller.memberId))?.enabledAt)
        throw new CommandError('conflict', 'two-step sign-in is already on', { reason: 'mfa_already_enabled' });
      const member = await memberById(db, caller.memberId);
      if (!member) throw new CommandError('unauthenticated', 'this member no longer exists');
      const secret = randomBytes(SECRET_BYTES);
      await putPendingMfa(db, caller.memberId, encryptSecret(mfaKey, secret), Date.now());
      const totp = totpOf(secret, member.email);
      return { secret: totp.secret.base32, uri: totp.toString() };
    },

    'mfa:confirm': async (caller, args) => {
      const now = Date.now();
      const row = await mfaOf(db, caller.memberId);
      if (!row || row.enabledAt)
        throw new CommandError('conflict', 'no enrolment is waiting for a code', { reason: 'mfa_not_pending' });
      const step = stepOfCode(openSecret(mfaKey, row.secretEnc), args.code, now);
      if (step === null || !(await takeStep(db, caller.memberId, step, now)))
        throw new CommandError('invalid_args', 'wrong code', { reason: 'mfa_invalid' });
      const recoveryCodes = newRecoveryCodes();
      await replaceRecoveryCodes(db, caller.memberId, recoveryCodes.map(recoveryCodeHash));
      await insertAudit(db, {
        memberId: caller.memberId,
        deviceId: caller.sessionId,
        action: 'mfa.enabled',
        chatId: null,
        before: null,
        after: null,
        at: now,
      });
      // A device that could only enrol reconnects (after this reply went out) into every room
      // its member may be in; the client runs its usual connect (docs/protocol.md).
      if (caller.mfaEnrolmentRequired)
        setImmediate(() => services.io.in(rooms.member(caller.memberId)).disconnectSockets(true));
      return { ...statusOf(caller, { ...row, enabledAt: now }, recoveryCodes.length), recoveryCodes };
    },

    'mfa:disable': async (caller, args) => {
      const now = Date.now();
      if (!(await mfaOf(db, caller.memberId))?.enabledAt)
        throw new CommandError('conflict', 'two-step sign-in is off', { reason: 'mfa_not_enabled' });
      if ((await consumeCode(db, caller.memberId, args.code, mfaKey, now)) !== 'totp')
        throw new CommandError('invalid_args', 'wrong code', { reason: 'mfa_invalid' });
      await db.transaction(async tx => {
        await deleteMfa(tx, caller.memberId);
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'mfa.disabled',
          chatId: null,
          before: null,
          after: { by: caller.memberId },
          at: now,
        });
      });
      return statusOf(caller, undefined, 0);
    },
  };
}
