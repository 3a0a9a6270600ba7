import { test as base } from '@playwright/test';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type HostProcess = {
  readonly url: string;
  readonly origin: string;
  readonly dataDir: string;
  readonly output: () => string;
};

/** Starts the built headless host (dist/host/index.mjs) exactly as `npm run serve` does. */
export async function spawnHost(
  extraArgs: readonly string[] = [],
  env: NodeJS.ProcessEnv = {},
  /** Start on an existing data folder (a restart); a new empty one otherwise. */
  existingDataDir?: string,
): Promise<HostProcess & { child: ChildProcess; stop(): Promise<void>; kill(): Promise<void> }> {
  const dataDir = existingDataDir ?? mkdtempSync(join(tmpdir(), 'blazz-e2e-'));
  const child = spawn(process.execPath, ['dist/host/index.mjs', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', code => reject(new Error(`host exited with ${code}:\n${output}`)));
  });
  /** Stops the host and keeps its data folder, as quitting the app does. */
  const kill = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    child,
    output: () => output,
    kill,
    async stop() {
      await kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ host: HostProcess }>({
  // Playwright reads fixture dependencies from the destructuring pattern; this one has none.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await spawnHost();
    await use(host);
    await host.stop();
  },
});

export { expect } from '@playwright/test';
