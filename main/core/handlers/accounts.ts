import type { accountsCommands } from '../../../common/api/accounts';
import type { Account } from '../../../common/domain';
import type { HandlerTable } from '../router';

type AccountsHandlers = Pick<HandlerTable, keyof typeof accountsCommands>;

/** What the accounts commands need from the account runtime. */
export type AccountsPort = {
  list(): readonly Account[];
};

export function accountsHandlers(accounts: AccountsPort): AccountsHandlers {
  return {
    'accounts:list': () => accounts.list(),
  };
}
