/**
 * A number's "Send read receipts" (issue #20): on by default, changed with accounts:update
 * without a restart, kept in the store's account row (an old row without it reads as on).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { asAccountId } from '../../../common/domain';
import { storeAccountRegistry } from '../../../main/core/adapters/account-registry';
import type { Harness } from '../../helpers/accounts/harness';
import { createHarness } from '../../helpers/accounts/harness';
import { webjsRecord } from '../../helpers/accounts/records';
import { memoryStore } from '../store/fixtures';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a number’s read receipts setting', () => {
  it('is on by default and turns off without restarting the number', async () => {
    h = createHarness({ simulator: { qrScanDelayMs: 50 } });
    const a = h.manager.add({ provider: 'simulator', name: 'Sales', seed: 5 });
    expect(a.readReceipts).toBe(true);
    await h.waitForState(a.id, 'ready');
    const off = h.manager.update(a.id, { readReceipts: false });
    expect(off.readReceipts).toBe(false);
    expect(h.store.records.get(a.id)?.readReceipts).toBe(false);
    await new Promise(r => setTimeout(r, 100));
    expect(h.manager.get(a.id).state).toBe('ready');
    expect(h.manager.update(a.id, { name: 'Sales 2' }).readReceipts).toBe(false);
    expect(h.manager.update(a.id, { readReceipts: true }).readReceipts).toBe(true);
  });

  it('is kept in the store, and a row from before the setting reads as on', () => {
    const store = memoryStore();
    try {
      const registry = storeAccountRegistry(store);
      registry.save(webjsRecord('quiet', { readReceipts: false }));
      // The store's row holds the config only: the old row carries no readReceipts in it.
      store.upsertAccount({ ...webjsRecord('old'), id: asAccountId('old'), config: { pairingPhone: null } });
      const byId = new Map(registry.list().map(r => [r.id, r]));
      expect(byId.get('quiet')?.readReceipts).toBe(false);
      expect(byId.get('old')?.readReceipts).toBe(true);
    } finally {
      store.close();
    }
  });
});
