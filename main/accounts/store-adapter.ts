/**
 * Adapters from the SQLite store's account table and ingest to the accounts ports. Typed
 * structurally, so main/accounts still never imports main/store: the core passes the store
 * in (`registryOverStore(store)`, `sinkOverStore(store, report => …)`).
 */
import type { AccountId, AccountState, ProviderKind } from '../../common/domain';
import { asAccountId } from '../../common/domain';
import type { IngestBatchInput } from '../../common/ingest';
import type { AccountRecord, AccountRegistry, IngestSink } from './ports';
import { accountRecordSchema } from './ports';

/** The store's account row: fixed columns plus a JSON `config` for the rest. */
export type StoredAccountLike = {
  readonly id: AccountId;
  readonly provider: ProviderKind;
  readonly name: string;
  readonly phone: string | null;
  readonly color: string;
  readonly muted: boolean;
  readonly createdAt: number;
  readonly lastState: AccountState;
  readonly config: Readonly<Record<string, unknown>>;
};

export type AccountsTable = {
  listAccounts(): StoredAccountLike[];
  upsertAccount(account: StoredAccountLike): unknown;
  removeAccount(id: AccountId): unknown;
};

export type IngestingStore<R> = {
  ingest(batch: IngestBatchInput): R;
  chatWatermarks(accountId: AccountId): ReadonlyMap<string, number>;
};

const configOf = (r: AccountRecord) => ({
  lastStateReason: r.lastStateReason,
  pairingPhone: r.pairingPhone,
  seed: r.seed,
  lastDowntimeMs: r.lastDowntimeMs,
});

/** A row from disk may predate a field or be damaged: fill gaps, drop what cannot be read. */
function recordOf(a: StoredAccountLike): AccountRecord | null {
  const c = a.config;
  const parsed = accountRecordSchema.safeParse({
    id: a.id,
    provider: a.provider,
    name: a.name,
    color: a.color,
    phone: a.phone,
    muted: a.muted,
    createdAt: a.createdAt,
    lastState: a.lastState,
    lastStateReason: typeof c['lastStateReason'] === 'string' ? c['lastStateReason'] : null,
    pairingPhone: typeof c['pairingPhone'] === 'string' ? c['pairingPhone'] : null,
    seed: typeof c['seed'] === 'number' ? c['seed'] : null,
    lastDowntimeMs: typeof c['lastDowntimeMs'] === 'number' ? c['lastDowntimeMs'] : null,
  });
  return parsed.success ? parsed.data : null;
}

export function registryOverStore(table: AccountsTable): AccountRegistry {
  return {
    list: () => table.listAccounts().flatMap(a => recordOf(a) ?? []),
    save: r =>
      void table.upsertAccount({
        id: asAccountId(r.id),
        provider: r.provider,
        name: r.name,
        phone: r.phone,
        color: r.color,
        muted: r.muted,
        createdAt: r.createdAt,
        lastState: r.lastState,
        config: configOf(r),
      }),
    remove: id => void table.removeAccount(asAccountId(id)),
  };
}

/** Ingests into the store and hands its report on (the core turns it into renderer events). */
export function sinkOverStore<R extends { messagesInserted: number; messagesUpdated: number }>(
  store: IngestingStore<R>,
  onReport: (report: R) => void,
): IngestSink {
  return {
    ingest(batch) {
      const report = store.ingest(batch);
      onReport(report);
      return { inserted: report.messagesInserted, updated: report.messagesUpdated };
    },
    watermarks: accountId => store.chatWatermarks(asAccountId(accountId)),
  };
}
