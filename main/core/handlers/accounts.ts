import type { accountsCommands } from '../../../common/api/accounts';
import type { AccountManager } from '../../accounts/manager';
import { CommandError } from '../../../common/result';
import type { HandlerTable } from '../router';

type AccountsHandlers = Pick<HandlerTable, keyof typeof accountsCommands>;

/** What the accounts commands need from the account runtime (the AccountManager). */
export type AccountsPort = Pick<
  AccountManager,
  | 'list'
  | 'add'
  | 'start'
  | 'stop'
  | 'logout'
  | 'remove'
  | 'update'
  | 'checkBrowser'
  | 'requestPairingCode'
  | 'startDemo'
  | 'control'
>;

/** Numbers of teammates' desktops: listed with ours, never run or changed from here. */
export type RemoteAccountsPort = { isRemote(accountId: string): boolean; readonly refusal: string };

export function accountsHandlers(accounts: AccountsPort, remote?: RemoteAccountsPort): AccountsHandlers {
  const local = (accountId: string): string => {
    if (remote?.isRemote(accountId)) throw new CommandError('unavailable', remote.refusal);
    return accountId;
  };
  return {
    'accounts:list': () => accounts.list(),
    'accounts:add': args => accounts.add(args),
    'accounts:start': ({ accountId }) => accounts.start(local(accountId)),
    'accounts:stop': ({ accountId }) => accounts.stop(local(accountId)),
    'accounts:logout': ({ accountId }) => accounts.logout(local(accountId)),
    'accounts:remove': async ({ accountId }) => {
      await accounts.remove(local(accountId));
      return { accountId };
    },
    'accounts:update': ({ accountId, ...patch }) => accounts.update(local(accountId), patch),
    'accounts:checkBrowser': ({ path }) => accounts.checkBrowser(path ?? null),
    'accounts:requestPairingCode': async ({ accountId, phone }) => ({
      code: await accounts.requestPairingCode(local(accountId), phone),
    }),
    'demo:start': () => accounts.startDemo(),
    'demo:simulate': ({ accountId, what }) => {
      const account = accounts.list().find(a => a.id === local(accountId));
      if (!account) throw new CommandError('not_found', 'no such number');
      if (account.provider !== 'simulator') throw new CommandError('invalid_args', 'only a simulated number can');
      if (account.state !== 'ready') throw new CommandError('unavailable', 'the simulated number is not running');
      accounts.control(accountId, { kind: 'customer_sends', what });
      return { accountId };
    },
  };
}
