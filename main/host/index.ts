/** Entry of the headless host (`npm run serve`): wiring only. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { forkLauncher } from '../accounts/launcher';
import { createCore } from '../core/core';
import { fileLogger } from '../platform/file-log';
import { consoleLogger } from '../platform/log';
import { HOST_HELP, parseHostArgs } from './cli';
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
// Built bundles carry their account runtime and migrations under dist/; under tsx the
// sources are used directly.
const childEntry = join(appRoot, 'dist', 'accounts', 'child.mjs');
const bundled = import.meta.url.endsWith('.mjs') && existsSync(childEntry);
const core = await createCore({
  dataDir: config.dataDir,
  shell: 'headless',
  version,
  log,
  problems: () => log.recentProblems(),
  ...(bundled
    ? { launcher: forkLauncher({ entry: childEntry }), migrationsDir: join(appRoot, 'dist', 'migrations', 'store') }
    : {}),
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
