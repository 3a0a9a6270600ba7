import type { AccountRecord, AccountRegistry } from '../../accounts/ports';
import { accountRecordSchema } from '../../accounts/ports';
import type { Store } from '../../store';
import { asAccountId } from '../../../common/domain';

/**
 * Accounts persist in the store's `accounts` table; the runtime-only fields the store has no
 * column for (pairing phone, simulator seed, last downtime, state code and reason, browser path) ride in `config`.
 */
export function storeAccountRegistry(store: Store): AccountRegistry {
  return {
    list() {
      const records: AccountRecord[] = [];
      for (const a of store.listAccounts()) {
        // Accounts hosted by a teammate's desktop are only mirrored here; they never run here.
        if (a.config.remote === true) continue;
        const parsed = accountRecordSchema.safeParse({
          id: a.id,
          provider: a.provider,
          name: a.name,
          color: a.color,
          phone: a.phone,
          muted: a.muted,
          createdAt: a.createdAt,
          lastState: a.lastState,
          lastStateReason: a.config.lastStateReason ?? null,
          lastStateCode: a.config.lastStateCode ?? null,
          browserPath: a.config.browserPath ?? null,
          pairingPhone: a.config.pairingPhone ?? null,
          seed: a.config.seed ?? null,
          lastDowntimeMs: a.config.lastDowntimeMs ?? null,
          simulatorPace: a.config.simulatorPace ?? null,
          readReceipts: a.config.readReceipts ?? true,
        });
        // A row written by a newer version, or damaged by hand, is skipped rather than crashing start-up.
        if (parsed.success) records.push(parsed.data);
      }
      return records;
    },
    save(r) {
      store.upsertAccount({
        id: asAccountId(r.id),
        provider: r.provider,
        name: r.name,
        phone: r.phone,
        color: r.color,
        muted: r.muted,
        createdAt: r.createdAt,
        lastState: r.lastState,
        config: {
          lastStateReason: r.lastStateReason,
          lastStateCode: r.lastStateCode,
          browserPath: r.browserPath,
          pairingPhone: r.pairingPhone,
          seed: r.seed,
          lastDowntimeMs: r.lastDowntimeMs,
          simulatorPace: r.simulatorPace,
          readReceipts: r.readReceipts,
        },
      });
    },
    remove(accountId) {
      store.removeAccount(asAccountId(accountId));
    },
  };
}
