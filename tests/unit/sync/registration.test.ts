/**
 * A desktop hosting a number its admin removed it from: the server refuses that number's
 * registration (hosting is not membership), and the connect goes on with the others.
 */
import { describe, expect, it } from 'vitest';
import { NOT_ACCOUNT_MEMBER } from '../../../common/protocol';
import { CommandError } from '../../../common/result';
import { createAccountRegistration } from '../../../main/sync/registration';

const account = (id: string) => ({ id, name: id, phone: null, provider: 'simulator' as const, state: 'ready' });

function setup(refuse: (accountId: string) => CommandError | null) {
  const calls: Array<{ name: string; accountId: string }> = [];
  const warnings: string[] = [];
  const registration = createAccountRegistration({
    call: (name, args) => {
      const { accountId } = args as { accountId: string };
      calls.push({ name, accountId });
      const err = name === 'account:register' ? refuse(accountId) : null;
      return err ? Promise.reject(err) : Promise.resolve({} as never);
    },
    hosted: { list: () => [account('acc_removed'), account('acc_kept')] },
    isConnected: () => true,
    enqueue: work => work(),
    afterRegistered: () => {},
    log: { info: () => {}, warn: msg => warnings.push(msg), error: () => {} },
  });
  return { registration, calls, warnings };
}

describe('registerAll', () => {
  it('skips a number it may no longer host and registers the others', async () => {
    const { registration, calls, warnings } = setup(id =>
      id === 'acc_removed' ? new CommandError('forbidden', 'no', NOT_ACCOUNT_MEMBER) : null,
    );
    await registration.registerAll();
    expect(calls).toEqual([
      { name: 'account:register', accountId: 'acc_removed' },
      { name: 'account:register', accountId: 'acc_kept' },
      { name: 'account:report-state', accountId: 'acc_kept' },
    ]);
    expect(warnings).toHaveLength(1);
  });

  it('still fails the connect on any other error', async () => {
    const { registration } = setup(() => new CommandError('timeout', 'no answer'));
    await expect(registration.registerAll()).rejects.toMatchObject({ code: 'timeout' });
  });
});
