/**
 * The headless host once its core is forked: the HTTP server (listening first), then the
 * core's client (or, in development, the core in this process) and the socket bridge, and
 * a clean stop on signals.
 */
import { join } from 'node:path';
import { fileLogger } from '../platform/file-log';
import { consoleLogger } from '../platform/log';
import type { HostConfig } from './cli';
import type { ForkedCore } from './core-fork';
import type { HostCore } from './host';
import { startHost } from './host';
import { APP_VERSION } from '../core/version';

/** Longer than the core process's own close timeout, so that one gets its chance first. */
const STOP_DEADLINE_MS = 25_000;

export type RunHostOptions = {
  readonly config: HostConfig;
  readonly coreEntry: string;
  /** The core process already forked, or null to open the core in this process. */
  readonly coreChild: ForkedCore | null;
};

export async function runHost({ config, coreEntry, coreChild }: RunHostOptions): Promise<void> {
  const log = fileLogger({ dir: join(config.dataDir, 'logs'), echo: consoleLogger('host') });
  let listening: { close(): Promise<void> } | null = null;
  let core: (HostCore & { close(): Promise<void> }) | null = null;
  // The host listens first; the core's client (its lane's schemas) and socket.io load right
  // after, while the browser fetches the page (#23). The in-process core is imported only
  // in development: the built host stays small and starts fast.
  const connectCore = async (): Promise<HostCore> => {
    if (!coreChild) {
      const local = await (
        await import('../core/core')
      ).createCore({
        dataDir: config.dataDir,
        shell: 'headless',
        version: APP_VERSION,
        log,
        problems: () => log.recentProblems(),
      });
      core = local;
      return local;
    }
    const { startCoreProcess } = await import('./core-process');
    const cannotStart = (message: string) => {
      console.error(`The app core could not start: ${message}`);
      void (listening?.close() ?? Promise.resolve()).finally(() => process.exit(1));
    };
    const remote = startCoreProcess({
      entry: coreEntry,
      forked: coreChild,
      dataDir: config.dataDir,
      log,
      onLateFailure: cannotStart,
    });
    void remote.ready.catch((err: unknown) => cannotStart(err instanceof Error ? err.message : String(err)));
    core = remote;
    return remote;
  };
  const host = await startHost({
    core: connectCore,
    port: config.port,
    token: config.token,
    staticDir: config.staticDir,
    uploadsDir: join(config.dataDir, 'media', 'uploads'),
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
    // A quit must end even if a close hangs: the core process has its own 15 s kill.
    setTimeout(() => {
      log.error('stop timed out', { signal });
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    await host.close();
    // A core whose client never loaded has nobody to ask to stop cleanly.
    if (core) await core.close();
    else coreChild?.child.kill('SIGKILL');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}
