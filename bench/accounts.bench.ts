/**
 * Accounts benchmarks:
 *  - accounts.sim.pss_mb_per_account / rss_mb_per_account: memory per running simulated
 *    account (20 running), each from the bundled runtime in its own process;
 *  - the ingest path through the real core process (bench/accounts/core-path.ts):
 *    history import rate, ingest → renderer event, renderer round trip, main's loop.
 */
import { join } from 'node:path';
import { processTree } from '../main/accounts/process-tree';
import { corePath } from './accounts/core-path';
import { allIn, buildChild, memoryOf, rig, until } from './accounts/setup';
import type { BenchOptions, BenchResult } from './types';

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const child = await buildChild();
  try {
    return [...(await memoryPerAccount(child.entry, opts)), ...(await corePath(opts))];
  } finally {
    child.cleanup();
  }
}

async function memoryPerAccount(entry: string, opts: BenchOptions): Promise<BenchResult[]> {
  const count = opts.scale === 'full' ? 20 : 4;
  const { manager, pids } = rig(entry, join(opts.workDir, 'memory'), {
    simulator: { qrScanDelayMs: 50, chatterIntervalMs: 2_000, history: 60 },
  });
  try {
    for (let i = 0; i < count; i++) manager.add({ provider: 'simulator', name: `Sim ${i}`, seed: 1000 + i });
    await until('all accounts ready', allIn(manager, 'ready'), 120_000);
    await new Promise(r => setTimeout(r, 3_000)); // steady state: history synced, chatter running
    let rss = 0;
    let pss = 0;
    for (const pid of pids.values()) {
      for (const p of await processTree(pid)) {
        const m = memoryOf(p.pid);
        rss += m?.rss ?? p.rssBytes;
        pss += m?.pss ?? p.rssBytes;
      }
    }
    const mb = (b: number) => b / count / 1048576;
    return [
      {
        id: 'accounts.sim.pss_mb_per_account',
        value: mb(pss),
        unit: 'MB',
        target: '<= 30',
        scale: { accounts: count },
        note: `${count} simulated accounts, each its own process tree; proportional set size (PSS: pages shared between processes, like the node binary, split between them)`,
      },
      {
        id: 'accounts.sim.rss_mb_per_account',
        value: mb(rss),
        unit: 'MB',
        scale: { accounts: count },
        note: 'resident set size (RSS) per account process tree, shared pages counted in every process',
      },
    ];
  } finally {
    await manager.close();
  }
}
