import { mkdirSync } from 'node:fs';
import { platform } from 'node:os';
import type { AppInfo, ShellKind } from '../../common/api';
import type { Account } from '../../common/domain';
import { accountsHandlers } from './handlers/accounts';
import { appHandlers } from './handlers/app';
import type { EventBus } from './event-bus';
import { createEventBus } from './event-bus';
import type { Logger } from './log';
import { consoleLogger } from './log';
import type { Dispatch, HandlerTable } from './router';
import type { SecretVault } from './secret-vault';
import type { ProcessLauncher } from '../accounts/launcher';
import { createDispatch } from './router';

export type CoreOptions = {
  readonly dataDir: string;
  readonly shell: ShellKind;
  readonly version: string;
  readonly log?: Logger;
  readonly now?: () => number;
  /** Where secrets live; defaults to a 0600 file in the data folder. */
  readonly vault?: SecretVault;
  /** How account processes start; defaults to child_process.fork (headless host). */
  readonly launcher?: ProcessLauncher;
};

/** The app's core as both shells see it: one dispatch, one event stream, one shutdown. */
export type Core = {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  info(): AppInfo;
  close(): Promise<void>;
};

export async function createCore(options: CoreOptions): Promise<Core> {
  const log = options.log ?? consoleLogger('core');
  const now = options.now ?? Date.now;
  mkdirSync(options.dataDir, { recursive: true });
  const startedAt = now();
  const events = createEventBus(err => log.error('event listener failed', { err: String(err) }));

  const accounts: Account[] = [];

  const info = (): AppInfo => ({
    name: 'Blazz Desk',
    version: options.version,
    shell: options.shell,
    platform: platform(),
    dataDir: options.dataDir,
    startedAt,
    firstRun: accounts.length === 0,
  });

  const handlers: HandlerTable = {
    ...appHandlers(info, now),
    ...accountsHandlers({ list: () => accounts }),
  };
  const dispatch = createDispatch(handlers, {
    onInternalError: (name, err) =>
      log.error('command failed', { name, err: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  });

  return {
    dispatch,
    events,
    info,
    async close() {
      // Services register their shutdown here as they are added (accounts, store, sync).
    },
  };
}
