/**
 * An AccountManager wired to the in-memory store double, with everything a test wants to
 * look at recorded: every state an account passed through (from the registry's saves,
 * which happen synchronously on each change), alerts, and how many runtimes were launched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountAlert } from '../../../common/api/accounts';
import type { Account, AccountState } from '../../../common/domain';
import type { ProcessLauncher } from '../../../main/accounts/launcher';
import { inProcessLauncher } from '../../../main/accounts/launcher-in-process';
import type { AccountManager, AccountManagerOptions } from '../../../main/accounts/manager';
import { createAccountManager } from '../../../main/accounts/manager';
import type { AccountRecord } from '../../../main/accounts/ports';
import { createEventBus } from '../../../main/platform/event-bus';
import type { Logger } from '../../../main/platform/log';
import { MemoryStore } from './memory-store';
import { waitFor } from './wait';

export type Harness = {
  readonly manager: AccountManager;
  readonly store: MemoryStore;
  readonly dataDir: string;
  readonly alerts: AccountAlert[];
  readonly changed: Array<readonly Account[]>;
  readonly warnings: string[];
  launches(): number;
  /** OS pids of the account's runtimes, oldest first (null for in-process runtimes). */
  pids(accountId: string): Array<number | null>;
  /** Every state saved for the account, in order. */
  states(accountId: string): AccountState[];
  waitForState(accountId: string, state: AccountState, timeoutMs?: number): Promise<Account>;
  close(): Promise<void>;
};

export type HarnessOptions = Partial<Pick<AccountManagerOptions, 'timings' | 'simulator' | 'launcher'>> & {
  readonly store?: MemoryStore;
  readonly dataDir?: string;
  /** Keep the data folder on close (a second harness reuses it, like an app restart). */
  readonly keepDataDir?: boolean;
};

export function createHarness(o: HarnessOptions = {}): Harness {
  const store = o.store ?? new MemoryStore();
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'blazz-accounts-'));
  const history = new Map<string, AccountState[]>();
  const save = store.save.bind(store);
  store.save = (r: AccountRecord) => {
    const list = history.get(r.id) ?? [];
    if (list.at(-1) !== r.lastState) list.push(r.lastState);
    history.set(r.id, list);
    save(r);
  };
  const base: ProcessLauncher = o.launcher ?? inProcessLauncher();
  let launches = 0;
  const pids = new Map<string, Array<number | null>>();
  const launcher: ProcessLauncher = {
    launch(id, env) {
      launches++;
      const handle = base.launch(id, env);
      pids.set(id, [...(pids.get(id) ?? []), handle.pid]);
      return handle;
    },
  };
  const alerts: AccountAlert[] = [];
  const changed: Array<readonly Account[]> = [];
  const warnings: string[] = [];
  const events = createEventBus();
  events.subscribe((name, payload) => {
    if (name === 'accounts:alerted') alerts.push(payload as AccountAlert);
    if (name === 'accounts:changed') changed.push((payload as { accounts: readonly Account[] }).accounts);
  });
  const log: Logger = {
    info: () => undefined,
    warn: msg => void warnings.push(msg),
    error: msg => void warnings.push(msg),
  };
  const manager = createAccountManager({
    dataDir,
    registry: store,
    sink: store,
    events,
    launcher,
    log,
    timings: {
      readyDeadlineMs: 5_000,
      backoffBaseMs: 20,
      backoffMaxMs: 200,
      stopTimeoutMs: 2_000,
      memorySampleMs: 200,
      ...o.timings,
    },
    simulator: { qrScanDelayMs: 30, chatterIntervalMs: 0, history: 20, ackStepMs: 30, chats: 4, ...o.simulator },
  });
  return {
    manager,
    store,
    dataDir,
    alerts,
    changed,
    warnings,
    launches: () => launches,
    pids: id => pids.get(id) ?? [],
    states: id => history.get(id) ?? [],
    waitForState: (id, state, timeoutMs) =>
      waitFor(`${id} to be ${state}`, () => manager.list().find(a => a.id === id && a.state === state), timeoutMs),
    async close() {
      await manager.close();
      if (!o.keepDataDir && !o.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
