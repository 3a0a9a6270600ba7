/**
 * What the accounts runtime needs from the rest of the core. The SQLite store implements
 * these (the lead adapts it); tests use the in-memory double in tests/helpers/accounts/.
 * Accounts never import main/store directly, so either side can change behind the port.
 */
import { z } from 'zod';
import type { AccountState } from '../../common/domain';
import { SIMULATOR_PACES } from '../../common/domain';
import { ACCOUNT_STATUS_CODES } from '../../common/account-status';
import type { IngestBatchInput } from '../../common/ingest';

const accountStates = [
  'stopped',
  'starting',
  'qr',
  'pairing_code',
  'connecting',
  'ready',
  'degraded',
  'disconnected',
  'logged_out',
  'failed',
] as const satisfies readonly AccountState[];

/** One persisted account. `lastState` decides whether it comes back on app start. */
export const accountRecordSchema = z.object({
  id: z.string().regex(/^[-_\w]{1,64}$/, 'account ids are used as LocalAuth client ids'),
  provider: z.enum(['webjs', 'simulator']),
  name: z.string().min(1).max(100),
  color: z.string().min(1).max(40),
  phone: z
    .string()
    .regex(/^\d{5,20}$/)
    .nullable(),
  muted: z.boolean(),
  createdAt: z.number().int().nonnegative(),
  lastState: z.enum(accountStates),
  lastStateReason: z.string().max(500).nullable(),
  /** The code of the last state, so a failed number still says why after a restart of the app. */
  lastStateCode: z.enum(ACCOUNT_STATUS_CODES).nullable().catch(null),
  /** whatsapp-web.js only: the browser chosen for this number; null: the one detected. */
  browserPath: z.string().min(1).max(4096).nullable().catch(null),
  /** Digits of the number to pair by code instead of QR; null for QR login. */
  pairingPhone: z
    .string()
    .regex(/^\d{5,20}$/)
    .nullable(),
  /** Simulator only: the seed its conversations are generated from. */
  seed: z.number().int().nullable(),
  /** Downtime of the last outage, ms; shown next to the account. */
  lastDowntimeMs: z.number().int().nonnegative().nullable(),
  /** Simulator only: how often its customers write; null: the app's default (lively). */
  simulatorPace: z.enum(SIMULATOR_PACES).nullable().default(null),
  /** Whether reading this number's chats sends customers read receipts ("Send read receipts"). */
  readReceipts: z.boolean().default(true),
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

/** Persisted accounts. Writes are rare (add, rename, state changes), so sync is fine. */
export type AccountRegistry = {
  list(): readonly AccountRecord[];
  save(record: AccountRecord): void;
  remove(accountId: string): void;
};

/** What an ingest changed, when the sink can tell; the manager only logs it. */
export type IngestReport = {
  readonly inserted: number;
  /** Messages already stored that the batch changed: content, ticks, edits, deletes, reactions. */
  readonly updated: number;
  /** The store's transaction alone (no validation, read-back or events), when it measures it. */
  readonly transactionMs?: number;
};

/**
 * Where provider data goes. `ingest` must be idempotent on (accountId, providerMessageId)
 * and must let a real message replace a 'ciphertext' placeholder with the same id.
 */
export type IngestSink = {
  /** `live`: events as they happen (not catch-up or older history the child fetched). */
  ingest(batch: IngestBatchInput, origin?: IngestOrigin): IngestReport | void;
  /**
   * A catch-up starts: where it starts per chat jid of the account, in ms (the newest stored
   * message, or earlier when a catch-up before it never finished: a live message stored
   * during a catch-up must not hide the messages before it that were not fetched yet).
   */
  beginCatchUp(accountId: string): ReadonlyMap<string, number>;
  /** Every batch of the account's catch-up is stored. */
  endCatchUp(accountId: string): void;
};

export type IngestOrigin = 'live' | 'history';
