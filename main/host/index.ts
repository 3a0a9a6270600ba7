/** Entry of the headless host (`npm run serve`): wiring only. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/core';
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
const core = bundled
  ? await startCoreProcess({ entry: coreEntry, dataDir: config.dataDir, log }).catch((err: unknown) => {
      console.error(`The app core could not start: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    })
  : await createCore({
      dataDir: config.dataDir,
      shell: 'headless',
      version,
      log,
      problems: () => log.recentProblems(),
    });
const host = await startHost({ core, port: config.port, token: config.token, staticDir: config.staticDir, log });

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
