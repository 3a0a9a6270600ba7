/**
 * Team commands that are not about one chat's state: members and account membership
 * (admins), presence, typing, and the local queue of notes waiting for the server.
 */
import type { WorkspaceAccount } from '../../../common/api/workspace';
import { asChatId } from '../../../common/domain';
import type { WireAccount } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type TeamHandlers = Pick<
  HandlerTable,
  | 'members:create'
  | 'members:update'
  | 'workspaceAccounts:list'
  | 'workspaceAccounts:addMember'
  | 'workspaceAccounts:removeMember'
  | 'workspaceAccounts:setReadReceipts'
  | 'presence:list'
  | 'presence:set'
  | 'typing:set'
  | 'notes:pending'
  | 'notes:discard'
>;

const accountOf = (a: WireAccount): WorkspaceAccount => ({
  id: a.id,
  name: a.name,
  phone: a.phone,
  hostOnline: a.hostOnline,
  state: a.state,
  memberIds: [...a.memberIds],
  readReceipts: a.readReceipts ?? true,
});

/**
 * The server's refusals in words an admin can act on. The server words its errors for
 * developers ("a member with this e-mail exists"); the renderer picks phrases by code, and
 * these sentences are what it shows when it has none of its own.
 */
function adminError(err: unknown, what: 'create' | 'update' | 'membership'): never {
  if (!(err instanceof CommandError)) throw err;
  if (what === 'create' && err.code === 'conflict')
    throw new CommandError('conflict', 'A member with this e-mail address already exists.');
  if (what === 'update' && err.code === 'invalid_args' && /themselves/.test(err.message))
    throw new CommandError(
      'invalid_args',
      'You cannot demote or deactivate yourself: another admin must do it, so the workspace always keeps an admin.',
    );
  if (err.code === 'forbidden') throw new CommandError('forbidden', 'Only admins can manage members and accounts.');
  if (what === 'membership' && err.code === 'not_found')
    throw new CommandError('not_found', 'That account or member no longer exists (or the member is deactivated).');
  throw err;
}

export function teamHandlers(sync: WorkspaceSync): TeamHandlers {
  return {
    'members:create': async args => {
      try {
        return sync.rememberMember(await sync.call('member:create', args));
      } catch (err) {
        adminError(err, 'create');
      }
    },
    'members:update': async args => {
      try {
        return sync.rememberMember(await sync.call('member:update', args));
      } catch (err) {
        adminError(err, 'update');
      }
    },
    'workspaceAccounts:list': async () => (await sync.call('account:list', {})).map(accountOf),
    'workspaceAccounts:addMember': async args => {
      try {
        return accountOf(await sync.call('account:add-member', args));
      } catch (err) {
        adminError(err, 'membership');
      }
    },
    'workspaceAccounts:removeMember': async args => {
      try {
        return accountOf(await sync.call('account:remove-member', args));
      } catch (err) {
        adminError(err, 'membership');
      }
    },
    'workspaceAccounts:setReadReceipts': async args => {
      try {
        return await sync.call('account:set-read-receipts', args);
      } catch (err) {
        adminError(err, 'membership');
      }
    },
    'presence:list': () => (sync.isOnline() ? sync.presence.current() : {}),
    'presence:set': async ({ status }) => {
      await sync.presence.set(status, sync.isOnline());
      return { status };
    },
    'typing:set': ({ chatId, active }) => sync.typing.report(chatId, active),
    'notes:pending': ({ chatId }) => sync.notes.pending(asChatId(chatId)),
    'notes:discard': ({ clientNoteId }) => {
      if (!sync.notes.discard(clientNoteId))
        throw new CommandError('not_found', 'That note is not waiting here any more.');
      return { clientNoteId };
    },
  };
}
