/**
 * What an account supervisor is given (its ports to the launcher, the store's catch-up
 * floors and the core's listeners) and the state every new status starts from.
 */
import type { AccountStatusCode } from '../../common/account-status';
import type { UncheckedBatch } from '../../common/ingest';
import type { Logger } from '../platform/log';
import type { ChildHandle, ProcessLauncher } from './launcher';
import type { LiveTrace } from './live-trace';
import type { TreeProcess } from './process-tree';
import type { RuntimeConfigInput } from './protocol';
import type { AlertKind, DataEvent, RuntimeSnapshot } from './snapshot';
import type { Clock, SupervisorTimings } from './timings';

export type SupervisorDeps = {
  readonly accountId: string;
  readonly launcher: ProcessLauncher;
  /** Built at every launch, so a changed pairing phone or seed takes effect. */
  readonly config: () => RuntimeConfigInput;
  readonly timings: SupervisorTimings;
  readonly clock: Clock;
  readonly log: Logger;
  /** A catch-up starts: where it starts per chat jid (IngestSink.beginCatchUp). */
  readonly beginCatchUp: () => ReadonlyMap<string, number>;
  /** The child stored every batch of its catch-up. */
  readonly endCatchUp: () => void;
  readonly onData: (event: DataEvent) => void;
  /**
   * Stores a catch-up batch, its items not validated yet (the batcher does that a slice at a
   * time); `stored` runs once it is in the store (then the child may send more).
   */
  readonly onBatch: (batch: UncheckedBatch, stored: () => void) => void;
  readonly onChange: (snapshot: RuntimeSnapshot) => void;
  /** `code` says why (worded by the renderer); `reason` is the raw detail, for diagnostics. */
  readonly onAlert: (
    kind: AlertKind,
    code: AccountStatusCode | null,
    reason: string,
    downtimeMs: number | null,
  ) => void;
  /** Deletes the saved session when logging out an account that is not running. */
  readonly forgetSession: () => void;
  /** Whether the number was ever linked to a phone; an unlinked one stops retrying sooner. */
  readonly linked?: () => boolean;
  readonly sampleTree?: (pid: number) => Promise<TreeProcess[]>;
  /** Benchmarks only: marks when each live message was sent and received. */
  readonly trace?: LiveTrace;
};

export type Running = { handle: ChildHandle; tree: TreeProcess[]; expectedExit: boolean };

/** What every new state starts from: no code, no scheduled try, no QR or pairing code. */
export const IDLE = {
  code: null,
  reason: null,
  retryAt: null,
  stoppedAfterTries: null,
  qr: null,
  pairingCode: null,
} as const satisfies Partial<RuntimeSnapshot>;
