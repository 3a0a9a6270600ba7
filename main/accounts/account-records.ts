/**
 * A stored number (AccountRecord) as the rest of the app needs it: the config its process
 * starts with, the Account the renderer shows (the record merged with the live snapshot),
 * and the record a new number starts as. Pure: the manager holds the maps and the timers.
 */
import type { Account } from '../../common/domain';
import { SIMULATOR_PACE_MS, asAccountId } from '../../common/domain';
import type { AccountRecord } from './ports';
import type { RuntimeConfigInput } from './protocol';
import type { RuntimeSnapshot } from './snapshot';

type ConfigSources = {
  readonly dataDir: string;
  readonly browserPath?: string | null;
  readonly simulator?: Partial<NonNullable<RuntimeConfigInput['simulator']>>;
};

/** Built at every launch, so a changed pairing phone, browser or pace takes effect. */
export const runtimeConfigOf = (r: AccountRecord, o: ConfigSources): RuntimeConfigInput => ({
  accountId: r.id,
  provider: r.provider,
  dataDir: o.dataDir,
  webjs:
    r.provider === 'webjs'
      ? { executablePath: r.browserPath ?? o.browserPath ?? null, pairingPhone: r.pairingPhone, headless: true }
      : null,
  simulator:
    r.provider === 'simulator'
      ? {
          ...o.simulator,
          ...(r.simulatorPace ? { chatterIntervalMs: SIMULATOR_PACE_MS[r.simulatorPace] } : {}),
          seed: r.seed ?? 1,
          epochMs: r.createdAt,
          pairingPhone: r.pairingPhone,
        }
      : null,
});

/** What the renderer sees: the live snapshot when the number runs, the stored state when not. */
export function accountOf(r: AccountRecord, snap: RuntimeSnapshot | undefined, qrImage: string | null): Account {
  const state = snap?.state ?? (r.lastState === 'failed' || r.lastState === 'logged_out' ? r.lastState : 'stopped');
  return {
    id: asAccountId(r.id),
    provider: r.provider,
    name: r.name,
    phone: snap?.phone ?? r.phone,
    color: r.color,
    state,
    stateCode: snap ? snap.code : r.lastStateCode,
    stateReason: snap ? snap.reason : r.lastStateReason,
    retryAt: snap?.retryAt ?? null,
    stoppedAfterTries: snap?.stoppedAfterTries ?? null,
    qr: qrImage,
    pairingCode: snap?.pairingCode ?? null,
    muted: r.muted,
    unreadCount: 0,
    rssBytes: snap?.rssBytes ?? null,
    createdAt: r.createdAt,
    ...(r.provider === 'simulator' ? { simulatorPace: r.simulatorPace ?? 'lively' } : {}),
    ...(r.provider === 'webjs' ? { browserPath: r.browserPath } : {}),
    readReceipts: r.readReceipts,
  };
}

type NewNumber = {
  readonly provider: AccountRecord['provider'];
  readonly name: string;
  readonly pairingPhone?: string;
  readonly seed?: number;
};

/** A number just added: stopped, never linked, read receipts on; a simulator gets a seed. */
export const newRecord = (
  input: NewNumber,
  at: { id: string; browserPath: string | null; color: string; createdAt: number },
): AccountRecord => ({
  id: at.id,
  provider: input.provider,
  name: input.name,
  color: at.color,
  phone: null,
  muted: false,
  createdAt: at.createdAt,
  lastState: 'stopped',
  lastStateReason: null,
  lastStateCode: null,
  browserPath: at.browserPath,
  pairingPhone: input.pairingPhone ?? null,
  seed: input.provider === 'simulator' ? (input.seed ?? Math.floor(Math.random() * 2 ** 31)) : null,
  lastDowntimeMs: null,
  simulatorPace: null,
  readReceipts: true,
});
