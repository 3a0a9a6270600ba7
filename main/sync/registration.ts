/**
 * Telling the server which numbers this desktop hosts. It accepts a number's pushes only from
 * the device that registered it, so a number added while signed in is registered at once,
 * not at the next reconnect.
 */
import { NOT_ACCOUNT_MEMBER } from '../../common/protocol';
import type { CommandName as SyncCommand, CommandResult as SyncResult } from '../../common/protocol';
import { CommandError } from '../../common/result';
import type { Logger } from '../platform/log';
import type { HostedAccounts } from './relay';

type Hosted = ReturnType<HostedAccounts['list']>[number];

export type RegistrationDeps = {
  readonly call: <K extends SyncCommand>(name: K, args: unknown) => Promise<SyncResult<K>>;
  readonly hosted: HostedAccounts;
  readonly isConnected: () => boolean;
  /** Runs work on the sync's one queue, after whatever is already there. */
  readonly enqueue: (work: () => Promise<void>) => Promise<void>;
  /** Pushes that were refused before the registration can go now. */
  readonly afterRegistered: () => void;
  readonly log: Logger;
};

export function createAccountRegistration(deps: RegistrationDeps) {
  /** Numbers the server knows this connection hosts; cleared on every connect. */
  const registered = new Set<string>();

  async function register(a: Hosted): Promise<void> {
    await deps.call('account:register', { accountId: a.id, name: a.name, phone: a.phone, provider: a.provider });
    registered.add(a.id);
    await deps.call('account:report-state', { accountId: a.id, state: a.state });
  }

  return {
    /**
     * On connect: every hosted number, in order. A number whose member an admin removed is
     * refused (hosting is not membership) and skipped, so the others and the rest of the
     * connect (pull, members, pushes) still go ahead.
     */
    async registerAll(): Promise<void> {
      registered.clear();
      for (const a of deps.hosted.list()) {
        try {
          await register(a);
        } catch (err) {
          if (!isNotAccountMember(err)) throw err;
          deps.log.warn('workspace: no longer a member of a hosted number, not registered', { accountId: a.id });
        }
      }
    },
    stateChanged(accountId: string, state: string): void {
      if (!deps.isConnected()) return;
      if (registered.has(accountId)) {
        void deps.call('account:report-state', { accountId, state }).catch(() => {});
        return;
      }
      const account = deps.hosted.list().find(a => a.id === accountId);
      if (!account) return;
      void deps
        .enqueue(async () => {
          await register(account);
          deps.afterRegistered();
        })
        .catch((err: unknown) => deps.log.warn('workspace: could not register a new number', { err: String(err) }));
    },
  };
}

/** The server's answer to a host its admin removed from the number it hosts. */
export function isNotAccountMember(err: unknown): boolean {
  if (!(err instanceof CommandError) || err.code !== 'forbidden') return false;
  const details = err.details as { reason?: unknown } | undefined;
  return details?.reason === NOT_ACCOUNT_MEMBER.reason;
}
