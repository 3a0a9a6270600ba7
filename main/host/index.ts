/**
 * Entry of the headless host (`npm run serve`): wiring only. Forks the core first, then
 * loads the rest of the host, so the core's start and the host's overlap (#23).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_PATHS } from '../core-process/app-paths';
import { HOST_HELP, parseHostArgs } from './cli';
import { forkCoreProcess } from './core-fork';

// The bundle lives in dist/host/, sources in main/host/: both are two levels below the root.
const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

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

// Built (dist/host/index.mjs): the core runs in its own process from dist/core/child.mjs,
// exactly as the desktop runs it. Under tsx (development) there is no built core process,
// so the core opens in the host's process from the sources.
const coreEntry = join(appRoot, ...APP_PATHS.coreChild);
const bundled = import.meta.url.endsWith('.mjs') && existsSync(coreEntry);
const coreChild = bundled ? forkCoreProcess(coreEntry, config.dataDir) : null;

const { runHost } = await import('./run-host');
await runHost({ config, coreEntry, coreChild });
