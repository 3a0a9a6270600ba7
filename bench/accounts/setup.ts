/**
 * Shared pieces of the accounts benchmarks: the bundled account runtime (what ships, with
 * no tsx in the way), a manager over the in-memory store double (memory figures), and
 * memory readings.
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountState } from '../../common/domain';
import { forkLauncher } from '../../main/accounts/launcher';
import type { AccountManager, AccountManagerOptions } from '../../main/accounts/manager';
import { createAccountManager } from '../../main/accounts/manager';
import type { EventBus } from '../../main/platform/event-bus';
import { createEventBus } from '../../main/platform/event-bus';
import { silentLogger } from '../../main/platform/log';
import { MemoryStore } from '../../tests/helpers/accounts/memory-store';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** Bundles the runtime like scripts/build.mjs; inside the repo so node_modules resolve. */
export async function buildChild(): Promise<{ entry: string; cleanup(): void }> {
  const outDir = join(here, '.build');
  mkdirSync(outDir, { recursive: true });
  const entry = join(outDir, 'child.mjs');
  await build({
    entryPoints: [join(root, 'main/accounts/runtime/child.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  return { entry, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
}

export type BenchRig = {
  manager: AccountManager;
  store: MemoryStore;
  events: EventBus;
  pids: Map<string, number>;
  /** When each live message left its account's process (the child's `at`), by message id. */
  sentAt: Map<string, number>;
};

export function rig(entry: string, dataDir: string, extra: Partial<AccountManagerOptions> = {}): BenchRig {
  const store = new MemoryStore();
  const events = createEventBus();
  const pids = new Map<string, number>();
  const sentAt = new Map<string, number>();
  const fork = forkLauncher({ entry, stdio: 'stderr' });
  const manager = createAccountManager({
    dataDir,
    registry: store,
    sink: store,
    events,
    launcher: {
      launch(id, env) {
        const handle = fork.launch(id, env);
        if (handle.pid !== null) pids.set(id, handle.pid);
        handle.onMessage(raw => {
          const msg = raw as {
            t?: string;
            at?: number;
            event?: { kind?: string; message?: { providerMessageId?: string } };
          };
          const mid = msg.event?.message?.providerMessageId;
          if (msg.t === 'event' && msg.event?.kind === 'message' && mid && typeof msg.at === 'number')
            sentAt.set(mid, msg.at);
        });
        return handle;
      },
    },
    log: silentLogger,
    ...extra,
  });
  return { manager, store, events, pids, sentAt };
}

export async function until(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 20));
  }
}

export const allIn = (m: AccountManager, state: AccountState) => () => m.list().every(a => a.state === state);

/** Resident and proportional memory of one process, in bytes (Linux /proc). */
export function memoryOf(pid: number): { rss: number; pss: number } | null {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(rollup)?.[1] ?? 0) * 1024;
    return { rss: kb('Rss'), pss: kb('Pss') };
  } catch {
    return null;
  }
}

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
};
