/** Members, accounts and their membership, the workspace setting, sessions. */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../common/domain';
import { NOT_ACCOUNT_MEMBER } from '../../../common/protocol';
import type { WireAccount, WireSettings } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { CLOUD_PROVIDER } from '../../../common/cloud/ids';
import { hashPassword } from '../auth/crypto';
import { mfaKeyMissing } from '../auth/mfa';
import { adminsWithoutMfa, mfaOf } from '../db/repositories/mfa';
import type { Exec } from '../db/index';
import { unassignMemberEverywhere, unassignMemberInAccount } from '../db/repositories/chats';
import {
  accountIdsOfMember,
  addAccountMember,
  getSettings,
  insertMember,
  listMembers,
  lockActiveAdmins,
  memberByEmail,
  memberById,
  removeAccountMember,
  revokeSessionsOfMember,
  saveSettings,
  toWireMember,
  updateMember,
} from '../db/repositories/members';
import {
  accountById,
  allAccountIds,
  insertAudit,
  setAccountState,
  upsertAccount,
  wireAccounts,
} from '../db/repositories/workspace';
import type { NewEvent } from '../db/repositories/events';
import { canSeeAccount } from '../../../common/permissions';
import { accessChangeEvents, chatEvent, grantsOnJoin, requireCapability, revokesOnDemotion } from './access';
import type { Caller, Services } from './context';
import { commit } from './context';
import type { HandlerTable } from './dispatch';
import { accountRooms, rooms, setAgentPools } from './rooms';

type AdminHandlers = Pick<
  HandlerTable,
  | 'member:list'
  | 'member:create'
  | 'member:update'
  | 'account:register'
  | 'account:report-state'
  | 'account:list'
  | 'account:add-member'
  | 'account:remove-member'
  | 'settings:get'
  | 'settings:update'
>;

async function accountEvent(db: Exec, accountId: string): Promise<{ event: NewEvent; account: WireAccount }> {
  const [account] = await wireAccounts(db, [accountId]);
  if (!account) throw new CommandError('not_found', 'no such account');
  return { event: { body: { type: 'account:updated', account }, audience: 'account', accountId }, account };
}

/**
 * Refuses a demotion or deactivation that would leave no active admin. The admin rows stay
 * locked until the commit, so concurrent guards run one after another; the caller must
 * still be an active admin itself once its turn comes.
 */
async function keepAnAdmin(tx: Exec, callerId: string, targetId: string): Promise<void> {
  const admins = await lockActiveAdmins(tx);
  if (!admins.includes(callerId)) throw new CommandError('conflict', 'the caller is no longer an active admin');
  if (!admins.some(id => id !== targetId)) throw new CommandError('conflict', 'the last active admin must stay');
}

export function adminHandlers(services: Services): AdminHandlers {
  const { db, io } = services;
  const audit = (callerId: string, deviceId: string, action: string, before: unknown, after: unknown) => ({
    memberId: callerId,
    deviceId,
    action,
    chatId: null,
    before,
    after,
    at: Date.now(),
  });

  return {
    'member:list': async () => (await listMembers(db)).map(toWireMember),

    'member:create': async (caller, args) => {
      requireCapability(caller, 'members.manage');
      if (await memberByEmail(db, args.email)) throw new CommandError('conflict', 'a member with this e-mail exists');
      const passwordHash = await hashPassword(args.password, services.hashParams);
      const id = randomUUID();
      return commit(services, async (tx, emit) => {
        await insertMember(tx, {
          id,
          email: args.email,
          name: args.name,
          role: args.role,
          passwordHash,
          now: Date.now(),
        });
        const member = await memberById(tx, id);
        if (!member) throw new CommandError('internal', 'member vanished');
        await insertAudit(tx, audit(caller.memberId, caller.sessionId, 'member.create', null, toWireMember(member)));
        emit({ body: { type: 'member:updated', member: toWireMember(member) }, audience: 'workspace' });
        return toWireMember(member);
      });
    },

    'member:update': async (caller, { memberId, name, role, active }) => {
      requireCapability(caller, 'members.manage');
      if (memberId === caller.memberId && (active === false || (role && role !== 'admin'))) {
        throw new CommandError('invalid_args', 'an admin cannot deactivate or demote themselves');
      }
      const before = await memberById(db, memberId);
      if (!before) throw new CommandError('not_found', 'no such member');
      const deactivating = active === false && before.active;
      const roleChanged = role !== undefined && role !== before.role;
      const losesRooms = deactivating || roleChanged;
      if (losesRooms) {
        // Before the commit: once it committed, no fact the old role (or a member no longer
        // active) may not see reaches these sockets, not even one committed earlier and
        // delivered late. Their own room stays, for the revokes and access:revoked.
        const accounts = await accountIdsOfMember(db, memberId);
        const old = deactivating
          ? [rooms.workspace, ...accounts.flatMap(a => accountRooms(a, before.role, memberId, true))]
          : accounts.map(a => rooms.accountRole(a, before.role));
        if (before.role === 'admin') old.push(rooms.admins);
        io.in(rooms.member(memberId)).socketsLeave(old);
      }
      try {
        return await commit(services, async (tx, emit) => {
          if (deactivating || (roleChanged && before.role === 'admin'))
            await keepAnAdmin(tx, caller.memberId, memberId);
          const patch: { name?: string; role?: Role; active?: boolean } = {};
          if (name !== undefined) patch.name = name;
          if (role !== undefined) patch.role = role;
          if (active !== undefined) patch.active = active;
          await updateMember(tx, memberId, patch);
          const after = await memberById(tx, memberId);
          if (!after) throw new CommandError('internal', 'member vanished');
          await insertAudit(
            tx,
            audit(caller.memberId, caller.sessionId, 'member.update', toWireMember(before), toWireMember(after)),
          );
          if (deactivating) {
            await revokeSessionsOfMember(tx, memberId, Date.now());
            // Their chats go back to the pool so customers are not left waiting on someone gone.
            for (const chat of await unassignMemberEverywhere(tx, memberId)) {
              emit(chatEvent('chat:updated', chat));
              emit(...(await accessChangeEvents(tx, { assigneeId: memberId }, chat, caller.settings)));
            }
            emit({ body: { type: 'access:revoked', reason: 'deactivated' }, audience: 'member', memberId });
          } else if (roleChanged) {
            emit(...(await revokesOnDemotion(tx, memberId, before.role, after.role, caller.settings)));
          }
          emit({ body: { type: 'member:updated', member: toWireMember(after) }, audience: 'workspace' });
          return toWireMember(after);
        });
      } finally {
        // Rooms depend on role and a deactivated member must go now: drop their sockets on every
        // node. Also when the change failed: they reconnect into the rooms of whatever state holds.
        if (losesRooms) io.in(rooms.member(memberId)).disconnectSockets(true);
      }
    },

    'account:register': async (caller, args) => {
      requireCapability(caller, 'accounts.host');
      const existing = await accountById(db, args.accountId);
      // A Cloud API number is the server's: no desktop may register itself as its host.
      if (existing?.provider === CLOUD_PROVIDER || args.accountId.startsWith('meta_'))
        throw new CommandError('forbidden', 'this account is hosted by the server (Cloud API)');
      if (existing && existing.hostMemberId !== caller.memberId && caller.role !== 'admin') {
        throw new CommandError('forbidden', 'this account is hosted by another member');
      }
      // Hosting is not membership: a host removed from its number may not speak for it.
      if (existing && !canSeeAccount(caller.viewer, args.accountId)) {
        throw new CommandError('forbidden', 'this member may no longer see this account', NOT_ACCOUNT_MEMBER);
      }
      const account = await commit(
        services,
        async (tx, emit) => {
          const { created } = await upsertAccount(tx, {
            id: args.accountId,
            name: args.name,
            phone: args.phone,
            provider: args.provider,
            hostDeviceId: caller.sessionId,
            hostMemberId: caller.memberId,
            now: Date.now(),
          });
          // Another device created it since the check above: its membership rules apply, retry.
          if (!existing && !created) throw new CommandError('conflict', 'the account was registered meanwhile');
          // Only a brand-new number makes its first host a member; re-registering never
          // adds or restores a membership an admin may have removed.
          if (created) await addAccountMember(tx, args.accountId, caller.memberId);
          const { event, account } = await accountEvent(tx, args.accountId);
          emit(event);
          return account;
        },
        () =>
          io
            .in(rooms.member(caller.memberId))
            .socketsJoin(
              accountRooms(args.accountId, caller.role, caller.memberId, caller.settings.agentsSeeUnassigned),
            ),
      );
      return account;
    },

    'account:report-state': async (caller, { accountId, state }) => {
      const account = await accountById(db, accountId);
      if (!account || account.hostDeviceId !== caller.sessionId)
        throw new CommandError('forbidden', 'only the host device reports its accounts');
      return commit(services, async (tx, emit) => {
        await setAccountState(tx, accountId, state);
        const { event, account: wire } = await accountEvent(tx, accountId);
        emit(event);
        return wire;
      });
    },

    'account:list': async caller => wireAccounts(db, caller.role === 'admin' ? 'all' : [...caller.viewer.accountIds]),

    'account:add-member': async (caller, { accountId, memberId }) => {
      requireCapability(caller, 'accounts.manage');
      const [account, member] = await Promise.all([accountById(db, accountId), memberById(db, memberId)]);
      if (!account) throw new CommandError('not_found', 'no such account');
      if (!member || !member.active) throw new CommandError('not_found', 'no such member');
      return commit(
        services,
        async (tx, emit) => {
          // Only a new membership grants anything: adding someone twice changes nothing.
          if (await addAccountMember(tx, accountId, memberId))
            emit(...(await grantsOnJoin(tx, accountId, member, caller.settings)));
          await insertAudit(
            tx,
            audit(caller.memberId, caller.sessionId, 'account.add_member', null, { accountId, memberId }),
          );
          const { event, account: w } = await accountEvent(tx, accountId);
          emit(event);
          return w;
        },
        // Joined once the membership is committed and before account:updated goes out, so
        // the member's connected devices receive it live rather than at their next pull.
        () =>
          io
            .in(rooms.member(memberId))
            .socketsJoin(accountRooms(accountId, member.role, memberId, caller.settings.agentsSeeUnassigned)),
      );
    },

    'account:remove-member': async (caller, { accountId, memberId }) => {
      requireCapability(caller, 'accounts.manage');
      const member = await memberById(db, memberId);
      if (!member || !(await accountById(db, accountId))) throw new CommandError('not_found', 'no such account member');
      // Leave the rooms first: nothing about this account may reach them from now on.
      io.in(rooms.member(memberId)).socketsLeave(accountRooms(accountId, member.role, memberId, true));
      return commit(services, async (tx, emit) => {
        await removeAccountMember(tx, accountId, memberId);
        for (const chat of await unassignMemberInAccount(tx, accountId, memberId)) {
          emit(chatEvent('chat:updated', chat));
          emit(...(await accessChangeEvents(tx, { assigneeId: memberId }, chat, caller.settings)));
        }
        await insertAudit(
          tx,
          audit(caller.memberId, caller.sessionId, 'account.remove_member', { accountId, memberId }, null),
        );
        emit({ body: { type: 'account:revoked', accountId }, audience: 'member', memberId, accountId });
        const { event, account } = await accountEvent(tx, accountId);
        emit(event);
        return account;
      });
    },

    'settings:get': async () => getSettings(db),

    'settings:update': async (caller, args) => {
      requireCapability(caller, 'settings.manage');
      if (args.adminsRequireMfa === true) await mayRequireMfa(services, caller);
      const accounts = await allAccountIds(db);
      const hide = args.agentsSeeUnassigned === false;
      // Hiding unassigned chats: agents leave the pools before the commit, so once it committed
      // not even a fact written earlier reaches them. Showing them: joined after the commit.
      if (hide) setAgentPools(io, accounts, false);
      let after: WireSettings;
      try {
        after = await commit(
          services,
          async (tx, emit) => {
            const before = await getSettings(tx);
            const after = mergeSettings(before, args);
            await saveSettings(tx, after);
            await insertAudit(tx, audit(caller.memberId, caller.sessionId, 'settings.update', before, after));
            emit({ body: { type: 'settings:updated', settings: after }, audience: 'workspace' });
            return after;
          },
          () => {
            if (args.agentsSeeUnassigned === true) setAgentPools(io, accounts, true);
          },
        );
      } catch (err) {
        // Nothing changed: the agents go back into the pools if the setting still shows them.
        if (hide && (await getSettings(db)).agentsSeeUnassigned) setAgentPools(io, accounts, true);
        throw err;
      }
      // Admins without a second factor reconnect into enrolment-only sessions (no chat rooms).
      if (args.adminsRequireMfa === true)
        for (const id of await adminsWithoutMfa(db)) io.in(rooms.member(id)).disconnectSockets(true);
      return after;
    },
  };
}

/** The settings after an update: the fields sent replace, the others stay as they were. */
function mergeSettings(before: WireSettings, update: Partial<WireSettings>): WireSettings {
  const after: WireSettings = { ...before };
  for (const key of Object.keys(update) as Array<keyof WireSettings>) {
    const value = update[key];
    if (value !== undefined) after[key] = value;
  }
  return after;
}

/**
 * Turning on "admins must use two-step sign-in" needs a server that can store second factors
 * and an admin who already uses one: otherwise they would lock themselves into enrolment.
 */
async function mayRequireMfa(services: Services, caller: Caller): Promise<void> {
  if (!services.mfaKey) throw mfaKeyMissing();
  if (!(await mfaOf(services.db, caller.memberId))?.enabledAt)
    throw new CommandError('conflict', 'turn on your own two-step sign-in first', { reason: 'mfa_not_enrolled' });
}
