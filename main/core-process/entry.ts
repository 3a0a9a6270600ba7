/**
 * Entry of the app's core process (dist/core/child.mjs), the one core both shells run.
 * Electron's main starts it as a utilityProcess and hands it the renderer's MessagePort;
 * the headless host (and tests) fork it with child_process and tunnel one renderer channel
 * through the IPC lane. Wiring only. The core starts in two steps (two-step.ts, #23): the
 * store and the first screen's queries, then the rest, loaded from its own chunk.
 */
import { existsSync } from 'node:fs';
import type { AccountsEvents } from '../../common/api/accounts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Core } from '../core/core';
import { firstScreen } from '../core/first-screen';
import type { FirstStep } from '../core/open-first-step';
import { openCoreFirstStep } from '../core/open-first-step';
import { createEventBus } from '../platform/event-bus';
import { fileLogger } from '../platform/file-log';
import { consoleLogger } from '../platform/log';
import { APP_VERSION } from '../core/version';
import { APP_PATHS } from './app-paths';
import { parseCoreProcessArgs } from './config-args';
import type { CoreToMain } from './control';
import { fileLiveTrace } from './live-trace-file';
import { createMainLink } from './main-link';
import { parseMainToCore } from './main-messages';
import { parentLink, transferredChannelPort, tunnelChannelPort } from './parent-link';
import { serveChannel } from './serve';
import { trayAccounts } from './tray-accounts';
import { startInTwoSteps } from './two-step';

/** With no renderer asking, the whole core (accounts, sync) loads this long after the store opens. */
const IDLE_START_MS = 1500;

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const link = parentLink();
const parsedConfig = parseCoreProcessArgs(process.argv.slice(2));
if (link === null) {
  console.error('the core process must be started by the app');
  process.exit(2);
}
if (!parsedConfig.ok) {
  console.error(parsedConfig.error);
  process.exit(2);
}
const config = parsedConfig.value;

const post = (msg: CoreToMain) => link.post(msg);
const log = fileLogger({ dir: join(config.dataDir, 'logs'), echo: consoleLogger('core') });
const mainLink = createMainLink(post);
const tunnel = tunnelChannelPort(link);
const headless = config.shell === 'headless';
const ctx = { transport: headless ? 'host' : 'electron', caller: 'renderer' } as const;
const liveTrace = config.liveTrace ? fileLiveTrace(config.liveTrace) : null;
const events = createEventBus(err => log.error('event listener failed', { err: String(err) }));
const onInternalError = (name: string, err: unknown) =>
  log.error('command failed', { name, err: err instanceof Error ? (err.stack ?? err.message) : String(err) });

// Bundled (dist/core/child.mjs): accounts and migrations come from dist/; under tsx, sources.
const accountsEntry = join(appRoot, ...APP_PATHS.accountChild);
const bundled = import.meta.url.endsWith('.mjs') && existsSync(accountsEntry);

const failed = (err: unknown) => {
  post({ t: 'failed', message: err instanceof Error ? err.message : String(err) });
  // Let the message reach main before leaving.
  setTimeout(() => process.exit(1), 50);
};

/** The store open, or null once the failure is posted (the process then ends). */
const openOrFail = async (): Promise<FirstStep | null> => {
  try {
    return await openCoreFirstStep({
      dataDir: config.dataDir,
      log,
      now: Date.now,
      migrationsDir: bundled ? join(appRoot, ...APP_PATHS.storeMigrations) : undefined,
      nativeBinding: config.nativeBinding,
    });
  } catch (err) {
    failed(err);
    return null;
  }
};
// On failure nothing else runs: the process ends once the failure has been posted.
const first: FirstStep = (await openOrFail()) ?? (await new Promise<never>(() => {}));

/** The rest of the core: its code is a separate chunk, parsed only now. */
const loadWhole = async (): Promise<Core> => {
  const [{ createCore }, { forkLauncher }, { completeOpened }] = await Promise.all([
    import('../core/core'),
    import('../accounts/launcher'),
    import('../core/open-store'),
  ]);
  // The same connection, now with drizzle, the checkpoint thread and every repository.
  const opened = completeOpened(first);
  return createCore({
    dataDir: config.dataDir,
    shell: headless ? 'headless' : 'electron',
    version: APP_VERSION,
    log,
    opened,
    events,
    // The headless host has no safeStorage and no OS settings: the core keeps its own file.
    ...(headless ? {} : { vault: mainLink.vault, desktop: mainLink.desktop }),
    problems: () => log.recentProblems(),
    launcher: forkLauncher({
      ...(bundled ? { entry: accountsEntry } : {}),
      ...(config.accountEnv ? { env: config.accountEnv } : {}),
    }),
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    accounts: {
      ...(config.simulator ? { simulator: config.simulator } : {}),
      ...(liveTrace ? { liveTrace } : {}),
    },
  });
};
const core = startInTwoSteps({
  opened: first,
  first: firstScreen(first.store, { onInternalError }),
  loadWhole,
  idleStartMs: IDLE_START_MS,
});
const served = { dispatch: core.dispatch, events, ctx };
// Events the whole core would emit once it runs (app events go to the renderer through it).
const emitWhenWhole = (fn: () => void) => void core.whole.then(fn, () => undefined);

/**
 * Served on first use only under Electron (the renderer has its own port, and events must
 * not also flow through main); from the start for the headless host, whose browsers hear
 * events before they first call.
 */
let tunnelServed = false;
const serveTunnel = () => {
  if (!tunnelServed) serveChannel(tunnel.port, served);
  tunnelServed = true;
};

let stopping = false;
const stop = async (reason: string) => {
  if (stopping) return;
  stopping = true;
  log.info('core process stopping', { reason });
  mainLink.close();
  // Closing the core stops every account process and closes the database.
  await core.close().catch((err: unknown) => log.error('core close failed', { err: String(err) }));
  liveTrace?.close();
  process.exit(0);
};

link.onMessage((raw, ports) => {
  const msg = parseMainToCore(raw);
  if (!msg) {
    log.warn('core process: malformed message from main ignored');
    return;
  }
  if (mainLink.handle(msg)) return;
  switch (msg.t) {
    case 'attach-renderer': {
      const port = ports[0];
      if (!port) return;
      let stopEvents = () => {};
      stopEvents = serveChannel(
        transferredChannelPort(port, () => stopEvents()),
        served,
      );
      return;
    }
    case 'renderer':
      serveTunnel();
      tunnel.deliver(msg.msg);
      return;
    case 'chat-requested':
      emitWhenWhole(() => events.emit('app:chat-requested', { chatId: msg.chatId }));
      return;
    case 'notifications-paused':
      emitWhenWhole(() => events.emit('app:notifications-paused', { paused: msg.paused }));
      return;
    case 'shutdown':
      void stop('asked by main');
      return;
  }
});
link.onDisconnect(() => void stop('parent gone'));
process.on('SIGTERM', () => void stop('SIGTERM'));

if (headless) serveTunnel();
events.subscribe((name, payload) => {
  if (name === 'accounts:changed')
    post({ t: 'accounts', accounts: trayAccounts(payload as AccountsEvents['accounts:changed']) });
});
// Ready: calls are answered from here on (the first screen's at once, the rest once loaded).
post({ t: 'ready' });
log.info('core process open', { version: APP_VERSION, dataDir: config.dataDir });
core.whole.then(() => log.info('core process started', { version: APP_VERSION, dataDir: config.dataDir }), failed);
