import type { accountsCommands } from '../../../common/api/accounts';
import type { AccountManager } from '../../accounts/manager';
import type { HandlerTable } from '../router';

type AccountsHandlers = Pick<HandlerTable, keyof typeof accountsCommands>;

/** What the accounts commands need from the account runtime (the AccountManager). */
export type AccountsPort = Pick<
  AccountManager,
  'list' | 'add' | 'start' | 'stop' | 'logout' | 'remove' | 'update' | 'requestPairingCode' | 'startDemo'
>;

export function accountsHandlers(accounts: AccountsPort): AccountsHandlers {
  return {
    'accounts:list': () => accounts.list(),
    'accounts:add': args => accounts.add(args),
    'accounts:start': ({ accountId }) => accounts.start(accountId),
    'accounts:stop': ({ accountId }) => accounts.stop(accountId),
    'accounts:logout': ({ accountId }) => accounts.logout(accountId),
    'accounts:remove': async ({ accountId }) => {
      await accounts.remove(accountId);
      return { accountId };
    },
    'accounts:update': ({ accountId, ...patch }) => accounts.update(accountId, patch),
    'accounts:requestPairingCode': async ({ accountId, phone }) => ({
      code: await accounts.requestPairingCode(accountId, phone),
    }),
    'demo:start': () => accounts.startDemo(),
  };
}
