import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountId } from '../../../common/domain';
import { asAccountId } from '../../../common/domain';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';
import type { HostProcess } from '../fixtures';
import { spawnHost } from '../fixtures';

/**
 * A host whose data folder was filled beforehand through the real store (the file the
 * core opens), for data the simulator never produces: hostile content, 100,000 chats.
 */
export async function seededHost(seed: (store: Store) => void): Promise<HostProcess & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'blazz-e2e-seeded-'));
  const store = openStore({ file: join(dataDir, 'blazz.sqlite'), checkpointEveryMs: 0 });
  try {
    seed(store);
  } finally {
    store.close();
  }
  // The last --data-dir wins, so the host opens the seeded folder.
  const host = await spawnHost(['--data-dir', dataDir]);
  return {
    ...host,
    dataDir,
    async stop() {
      await host.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A number that is known but not running (so nothing changes under the test). */
export function addStoppedAccount(store: Store, id: string, name: string, color: string): AccountId {
  const accountId = asAccountId(id);
  store.upsertAccount({
    id: accountId,
    provider: 'simulator',
    name,
    phone: '6281100000' + id.length,
    color,
    muted: false,
    createdAt: Date.now() - 86_400_000,
    lastState: 'stopped',
    config: {},
  });
  return accountId;
}
