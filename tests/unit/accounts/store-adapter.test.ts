/** The accounts ports over the real SQLite store: what the core wires in the app. */
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../../main/accounts/ports';
import { registryOverStore, sinkOverStore } from '../../../main/accounts/store-adapter';
import type { Store } from '../../../main/store';
import { openStore } from '../../../main/store';

let store: Store | null = null;
afterEach(() => {
  store?.close();
  store = null;
});

const record: AccountRecord = {
  id: 'acc_1',
  provider: 'simulator',
  name: 'Demo · Sales',
  color: '#25d366',
  phone: '6281234567890',
  muted: false,
  createdAt: Date.UTC(2026, 10, 1),
  lastState: 'ready',
  lastStateReason: null,
  pairingPhone: null,
  seed: 1001,
  lastDowntimeMs: 42_000,
};

describe('accounts ports over the SQLite store', () => {
  it('persists account records, including the fields kept in config', () => {
    store = openStore({ file: ':memory:', checkpointEveryMs: 0 });
    const registry = registryOverStore(store);
    registry.save(record);
    registry.save({
      ...record,
      id: 'acc_2',
      provider: 'webjs',
      seed: null,
      pairingPhone: '628111',
      lastState: 'logged_out',
      lastStateReason: 'Logged out',
    });
    expect(registry.list().find(r => r.id === 'acc_1')).toEqual(record);
    expect(registry.list().find(r => r.id === 'acc_2')).toMatchObject({
      pairingPhone: '628111',
      lastStateReason: 'Logged out',
    });
    registry.remove('acc_2');
    expect(registry.list().map(r => r.id)).toEqual(['acc_1']);
  });

  it('ingests idempotently and answers watermarks for catch-up', () => {
    store = openStore({ file: ':memory:', checkpointEveryMs: 0 });
    registryOverStore(store).save(record);
    const reports: unknown[] = [];
    const sink = sinkOverStore(store, r => reports.push(r));
    const message = {
      accountId: 'acc_1',
      chatJid: '628111222333@c.us',
      providerMessageId: 'false_628111222333@c.us_3EB0A',
      fromMe: false,
      type: 'text' as const,
      body: 'Halo kak',
      timestamp: Date.UTC(2026, 10, 2),
    };
    expect(sink.ingest({ messages: [message] })).toEqual({ inserted: 1, updated: 0 });
    expect(sink.ingest({ messages: [message] })).toMatchObject({ inserted: 0 });
    expect(reports).toHaveLength(2);
    expect(sink.watermarks('acc_1').get('628111222333@c.us')).toBe(message.timestamp);
  });
});
