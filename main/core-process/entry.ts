/**
 * Entry of the app's core process (dist/core/child.mjs), the one core both shells run.
 * Electron's main starts it as a utilityProcess and hands it the renderer's MessagePort;
 * the headless host (and tests) fork it with child_process and tunnel one renderer channel
 * through the IPC lane. Wiring only.
 */
import { existsSync } from 'node:fs';
import type { AccountsEvents } from '../../common/api/accounts';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkLauncher } from '../accounts/launcher';
import type { Core } from '../core/core';
import { createCore } from '../core/core';
import { fileLogger } from '../platform/file-log';
import { consoleLogger } from '../platform/log';
import { APP_VERSION } from '../core/version';
import { APP_PATHS } from './app-paths';
import { parseCoreProcessArgs } from './config';
import type { CoreToMain } from './control';
import { mainToCoreSchema } from './control';
import { fileLiveTrace } from './live-trace-file';
import { createMainLink } from './main-link';
import { parentLink, transferredChannelPort, tunnelChannelPort } from './parent-link';
import { serveChannel } from './serve';
import { trayAccounts } from './tray-accounts';

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
let core: Core | null = null;
let tunnelServed = false;
// A renderer that connects before the core is open waits here, then is served.
const waitingRenderers: Array<(c: Core) => void> = [];
const whenCore = (fn: (c: Core) => void) => (core ? fn(core) : waitingRenderers.push(fn));
const liveTrace = config.liveTrace ? fileLiveTrace(config.liveTrace) : null;

/**
 * Served on first use only under Electron (the renderer has its own port, and events must
 * not also flow through main); from the start for the headless host, whose browsers hear
 * events before they first call.
 */
const serveTunnel = (c: Core) => {
  if (!tunnelServed) serveChannel(tunnel.port, { dispatch: c.dispatch, events: c.events, ctx });
  tunnelServed = true;
};

let stopping = false;
const stop = async (reason: string) => {
  if (stopping) return;
  stopping = true;
  log.info('core process stopping', { reason });
  mainLink.close();
  // Closing the core stops every account process and closes the database.
  await core?.close().catch((err: unknown) => log.error('core close failed', { err: String(err) }));
  liveTrace?.close();
  process.exit(0);
};

link.onMessage((raw, ports) => {
  const parsed = mainToCoreSchema.safeParse(raw);
  if (!parsed.success) {
    log.warn('core process: malformed message from main ignored');
    return;
  }
  const msg = parsed.data;
  if (mainLink.handle(msg)) return;
  switch (msg.t) {
    case 'attach-renderer': {
      const port = ports[0];
      if (!port) return;
      whenCore(c => {
        let stopEvents = () => {};
        stopEvents = serveChannel(
          transferredChannelPort(port, () => stopEvents()),
          { dispatch: c.dispatch, events: c.events, ctx },
        );
      });
      return;
    }
    case 'renderer':
      whenCore(c => {
        serveTunnel(c);
        tunnel.deliver(msg.msg);
      });
      return;
    case 'chat-requested':
      whenCore(c => c.events.emit('app:chat-requested', { chatId: msg.chatId }));
      return;
    case 'notifications-paused':
      whenCore(c => c.events.emit('app:notifications-paused', { paused: msg.paused }));
      return;
    case 'shutdown':
      void stop('asked by main');
      return;
  }
});
link.onDisconnect(() => void stop('parent gone'));
process.on('SIGTERM', () => void stop('SIGTERM'));

// Bundled (dist/core/child.mjs): accounts and migrations come from dist/; under tsx, sources.
const accountsEntry = join(appRoot, ...APP_PATHS.accountChild);
const bundled = import.meta.url.endsWith('.mjs') && existsSync(accountsEntry);
try {
  const opened = await createCore({
    dataDir: config.dataDir,
    shell: headless ? 'headless' : 'electron',
    version: APP_VERSION,
    log,
    // The headless host has no safeStorage and no OS settings: the core keeps its own file.
    ...(headless ? {} : { vault: mainLink.vault, desktop: mainLink.desktop }),
    problems: () => log.recentProblems(),
    launcher: forkLauncher({
      ...(bundled ? { entry: accountsEntry } : {}),
      ...(config.accountEnv ? { env: config.accountEnv } : {}),
    }),
    ...(bundled ? { migrationsDir: join(appRoot, ...APP_PATHS.storeMigrations) } : {}),
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    accounts: {
      ...(config.simulator ? { simulator: config.simulator } : {}),
      ...(liveTrace ? { liveTrace } : {}),
    },
  });
  core = opened;
  if (headless) serveTunnel(opened);
  opened.events.subscribe((name, payload) => {
    if (name === 'accounts:changed')
      post({ t: 'accounts', accounts: trayAccounts(payload as AccountsEvents['accounts:changed']) });
  });
  for (const fn of waitingRenderers.splice(0)) fn(opened);
  post({ t: 'ready' });
  log.info('core process started', { version: APP_VERSION, dataDir: config.dataDir });
} catch (err) {
  post({ t: 'failed', message: err instanceof Error ? err.message : String(err) });
  // Let the message reach main before leaving.
  setTimeout(() => process.exit(1), 50);
}
