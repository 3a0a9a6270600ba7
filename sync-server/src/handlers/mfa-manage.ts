/**
 * Second-factor chores beyond enrolment: a member replaces their recovery codes, and an
 * admin turns off the second factor of a member who lost both phone and codes.
 */
import { CommandError } from '../../../common/result';
import { consumeCode } from '../auth/mfa';
import { newRecoveryCodes, recoveryCodeHash } from '../auth/mfa-recovery';
import { memberById, revokeSessionsOfMember } from '../db/repositories/members';
import { deleteMfa, mfaOf, replaceRecoveryCodes } from '../db/repositories/mfa';
import { insertAudit } from '../db/repositories/workspace';
import { requireCapability } from './access';
import type { Services } from './context';
import type { HandlerTable } from './dispatch';
import { statusOf } from './mfa';
import { rooms } from './rooms';

const notEnabled = () => new CommandError('conflict', 'two-step sign-in is off', { reason: 'mfa_not_enabled' });

export function mfaManageHandlers(services: Services): Pick<HandlerTable, 'mfa:recovery-regenerate' | 'mfa:reset'> {
  const { db, mfaKey, io } = services;
  return {
    'mfa:recovery-regenerate': async (caller, args) => {
      const now = Date.now();
      const row = await mfaOf(db, caller.memberId);
      if (!row?.enabledAt) throw notEnabled();
      // A current code from the app, not a recovery code: whoever holds only an old list of
      // codes (or an unattended signed-in desktop) cannot mint a fresh one.
      if ((await consumeCode(db, caller.memberId, args.code, mfaKey, now)) !== 'totp')
        throw new CommandError('invalid_args', 'wrong code', { reason: 'mfa_invalid' });
      const recoveryCodes = newRecoveryCodes();
      await db.transaction(async tx => {
        await replaceRecoveryCodes(tx, caller.memberId, recoveryCodes.map(recoveryCodeHash));
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'mfa.recovery_regenerated',
          chatId: null,
          before: null,
          after: null,
          at: now,
        });
      });
      return { ...statusOf(caller, row, recoveryCodes.length), recoveryCodes };
    },

    'mfa:reset': async (caller, { memberId }) => {
      requireCapability(caller, 'members.manage');
      // Turning off one's own second factor takes a current code (mfa:disable); an admin's
      // unattended desktop must not be a way around that.
      if (memberId === caller.memberId)
        throw new CommandError('invalid_args', 'use mfa:disable for your own two-step sign-in', { reason: 'self' });
      const member = await memberById(db, memberId);
      if (!member) throw new CommandError('not_found', 'no such member');
      if (!(await mfaOf(db, memberId))?.enabledAt) throw notEnabled();
      const now = Date.now();
      const signedOut = await db.transaction(async tx => {
        await deleteMfa(tx, memberId);
        const ended = await revokeSessionsOfMember(tx, memberId, now);
        await insertAudit(tx, {
          memberId,
          deviceId: null,
          action: 'mfa.disabled',
          chatId: null,
          before: null,
          after: { by: caller.memberId },
          at: now,
        });
        return ended;
      });
      // Whoever holds the member's devices may be why the reset was asked for: they sign in again.
      io.in(rooms.member(memberId)).disconnectSockets(true);
      return { memberId, signedOut };
    },
  };
}
