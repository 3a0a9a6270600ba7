/** Entry of the headless host (`npm run serve`): wiring only. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_PATHS } from '../core-process/app-paths';
import { fileLogger } from '../platform/file-log';
import { consoleLogger } from '../platform/log';
import { HOST_HELP, parseHostArgs } from './cli';
import { startCoreProcess } from './core-process';
import { startHost } from './host';
import { APP_VERSION } from '../core/version';

// The bundle lives in dist/host/, sources in main/host/: both are two levels below the root.
const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const version = APP_VERSION;

const parsed = parseHostArgs(process.argv.slice(2), process.env, appRoot);
if (parsed.kind === 'help') {
  console.log(HOST_HELP);
  process.exit(0);
}
if (parsed.kind === 'error') {
  console.error(parsed.message);
  process.exit(2);
}
const { config } = parsed;
const log = fileLogger({ dir: join(config.dataDir, 'logs'), echo: consoleLogger('host') });

// Built (dist/host/index.mjs): the core runs in its own process from dist/core/child.mjs,
// exactly as the desktop runs it. Under tsx (development) there is no built core process,
// so the core opens in this process from the sources.
const coreEntry = join(appRoot, ...APP_PATHS.coreChild);
const bundled = import.meta.url.endsWith('.mjs') && existsSync(coreEntry);
// The in-process core is imported only then: the built host stays small and starts fast.
const remote = bundled ? startCoreProcess({ entry: coreEntry, dataDir: config.dataDir, log }) : null;
let listening: { close(): Promise<void> } | null = null;
void remote?.ready.catch((err: unknown) => {
  console.error(`The app core could not start: ${err instanceof Error ? err.message : String(err)}`);
  void (listening?.close() ?? Promise.resolve()).finally(() => process.exit(1));
});
const core =
  remote ??
  (await (
    await import('../core/core')
  ).createCore({
    dataDir: config.dataDir,
    shell: 'headless',
    version,
    log,
    problems: () => log.recentProblems(),
  }));
const host = await startHost({
  core,
  port: config.port,
  token: config.token,
  staticDir: config.staticDir,
  log,
});
listening = host;

// Tests and scripts read this exact line to find the address.
console.log(`Blazz Desk is running. Open ${host.url}`);
console.log(`Data folder: ${config.dataDir}`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info('stopping', { signal });
  await host.close();
  await core.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
