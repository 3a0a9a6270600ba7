/**
 * What every command handler gets: the database, the fan-out, the caller and limits.
 * Writes go through `commit`, which appends the change's events in the same transaction
 * and publishes them only after it committed.
 */
import type { BlobStore } from '../blobs';
import type { Namespace, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, WireSettings } from '../../../common/protocol';
import type { Viewer } from '../../../common/permissions';
import { CommandError } from '../../../common/result';
import type { HashParams } from '../auth/crypto';
import type { SessionPolicy } from '../auth/expiry';
import { isExpired, needsTouch } from '../auth/expiry';
import type { Principal } from '../auth/sessions';
import type { UploadAsks } from '../http/upload-asks';
import type { Database, Db, EarlyTx, Gate, RawExec, RawTx, Tx } from '../db/index';
import type { NewEvent, StoredEvent } from '../db/repositories/events';
import { appendEvents, appendEventsRaw } from '../db/repositories/events';
import { callerState, touchSessionRaw } from '../db/repositories/members';
import type { CallerState } from '../db/repositories/members';
import type { ServerLog } from '../log';
import type { Metrics } from '../http/metrics';
import type { PushOrder, PushTurn } from './push-order';
import type { PushLaps } from './push-laps';
import { NO_LAPS } from './push-laps';
import type { CloudHooks } from '../cloud/graph-port';
import type { AutomationJobs } from '../automation/jobs/worker';

/** Events between server nodes (Socket.IO's server-side events, relayed by Redis); payloads are checked where heard. */
export type InterNodeEvents = { 'cloud:templates': (msg: unknown) => void };
export type SyncServer = Namespace<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, Principal>;
export type SyncSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, Principal>;

export type Limits = {
  /** Largest JSON payload of an ordinary command, in characters. */
  readonly maxCommandChars: number;
  /** Largest JSON payload of sync:push. */
  readonly maxPushChars: number;
  readonly sendsPerMinute: number;
  readonly loginPerIpPerMinute: number;
  readonly loginPerAccountPerMinute: number;
  readonly maxBlobBytes: number;
  /** How long a connection may take to send a request's headers (slow partial requests). */
  readonly headersTimeoutMs: number;
  /** REST API calls one API key may make per minute (http/rest). */
  readonly apiPerMinute: number;
};

export const DEFAULT_LIMITS: Limits = {
  maxCommandChars: 64 * 1024,
  maxPushChars: 3_500_000,
  sendsPerMinute: 120,
  loginPerIpPerMinute: 30,
  loginPerAccountPerMinute: 10,
  maxBlobBytes: 64 * 1024 * 1024,
  headersTimeoutMs: 20_000,
  apiPerMinute: 600,
};

export type Services = {
  readonly db: Db;
  readonly database: Database;
  readonly io: SyncServer;
  readonly log: ServerLog;
  readonly limits: Limits;
  /** Idle and absolute session expiry, and the clock they read (auth/expiry.ts). */
  readonly sessionPolicy: SessionPolicy;
  /** Take the client's address from X-Forwarded-For (behind a reverse proxy only). */
  readonly trustProxy: boolean;
  /** scrypt cost of new password hashes (auth/crypto.ts); weaker stored hashes are upgraded at sign-in. */
  readonly hashParams: HashParams;
  /** Local folder: the folder store's home, and where uploads are verified before they are stored. */
  readonly blobDir: string;
  readonly blobs: BlobStore;
  /**
   * Where the server itself may fetch from (a REST send's media URL): public https only,
   * unless the operator allowed private networks (WEBHOOK_ALLOW_PRIVATE_NETWORKS, as webhooks).
   */
  readonly outbound: { readonly allowPrivate: boolean };
  readonly metrics: Metrics;
  /** One device's pushes, applied in the order they arrived. */
  readonly pushOrder: PushOrder;
  /** At most one upload ask per (account, file) every few seconds (http/upload-asks.ts). */
  readonly uploadAsks: UploadAsks;
  /** The database gives a multi-row insert's rows consecutive ids (insertsGetConsecutiveIds). */
  readonly consecutiveRowIds: boolean;
  /** The clock automation reads (business hours, windows, cool-down); tests move it. */
  readonly clock: () => number;
  /** AES-256-GCM key for TOTP secrets at rest; null = two-step sign-in cannot be enabled. */
  readonly mfaKey: Buffer | null;
  /** The Cloud API numbers this server hosts: their Graph client and workers (cloud/). */
  readonly cloud: CloudHooks;
  /** Automation's jobs (status-change and sentiment rules), run after the commit that recorded them. */
  readonly automationJobs: AutomationJobs;
  /** Delivers stored events to the sockets allowed to see them, on every node, in commit order. */
  publish(events: readonly StoredEvent[]): Promise<void>;
};

export type Caller = Principal & {
  readonly viewer: Viewer;
  readonly settings: WireSettings;
  /**
   * An admin without a second factor while the workspace requires one: this device may only
   * enrol it (dispatch refuses the rest) and was given no account rooms.
   */
  readonly mfaEnrolmentRequired: boolean;
  /** The command's socket; null for a REST API key (http/rest), which has none. */
  readonly socket: SyncSocket | null;
  /** `sync:push` only: its place among the device's pushes, taken when it arrived. */
  readonly pushTurn?: PushTurn;
  /** `sync:push` only: where its time goes (push-laps.ts), started on arrival. */
  readonly pushLaps?: PushLaps;
  /** `sync:push` only: its transaction, begun on arrival while the caller is checked (Database.openEarly). */
  readonly pushTx?: EarlyTx;
  /** `sync:push` only: the numbers this device hosts, read on arrival beside the caller's reads. */
  readonly pushHosted?: Promise<ReadonlySet<string>>;
};

/** The workspace requires admins to use two-step sign-in and this admin has not enrolled. */
export function mustEnrolMfa(state: Pick<CallerState, 'role' | 'settings' | 'mfaEnabled'>): boolean {
  return state.role === 'admin' && state.settings.adminsRequireMfa && !state.mfaEnabled;
}

/** Fresh from the database on every command: a role change or removal applies at once. */
export async function loadCaller(
  raw: RawExec,
  principal: Principal,
  socket: SyncSocket,
  policy: SessionPolicy,
): Promise<Caller> {
  const state = await callerState(raw, principal.memberId, principal.sessionId);
  // Belt and braces: a revoked device is disconnected at once, but if that broadcast was lost it still cannot act.
  if (!state) throw new CommandError('unauthenticated', 'this device was signed out');
  if (!state.active) throw new CommandError('unauthenticated', 'this member is deactivated');
  // A socket outlives its handshake: a session that expires while connected ends here, and
  // the reconnect's handshake tells the device why (session_expired).
  const session = { createdAt: state.sessionCreatedAt, lastSeenAt: state.sessionLastSeenAt };
  if (isExpired(policy, session))
    throw new CommandError('unauthenticated', 'this session expired', { reason: 'session_expired' });
  if (needsTouch(policy, session.lastSeenAt)) await touchSessionRaw(raw, principal.sessionId, policy.now());
  return {
    ...principal,
    role: state.role,
    name: state.name,
    viewer: {
      id: principal.memberId as Viewer['id'],
      role: state.role,
      active: state.active,
      accountIds: new Set(state.accountIds),
    },
    settings: state.settings,
    mfaEnrolmentRequired: mustEnrolMfa(state),
    socket,
  };
}

export type Emit = (...events: NewEvent[]) => void;

/**
 * `beforePublish` runs after the commit and before live delivery: room changes the new
 * facts depend on (a member joining an account's rooms) must land first, or the member's
 * connected devices would miss them. Room joins and broadcasts go out in that order on
 * every node (the Redis adapter publishes both on one connection).
 */
export async function commit<T>(
  services: Services,
  fn: (tx: Tx, emit: Emit) => Promise<T>,
  beforePublish?: () => void,
): Promise<T> {
  return (await commitDetailed(services, fn, beforePublish)).value;
}

export async function commitDetailed<T>(
  services: Services,
  fn: (tx: Tx, emit: Emit) => Promise<T>,
  beforePublish?: () => void,
): Promise<{ value: T; events: StoredEvent[] }> {
  let stored: StoredEvent[] = [];
  const result = await services.db.transaction(async tx => {
    const pending: NewEvent[] = [];
    const value = await fn(tx, (...e) => pending.push(...e));
    stored = await appendEvents(tx, pending);
    return value;
  });
  services.metrics.eventsAppended.inc(stored.length);
  beforePublish?.();
  await services.publish(stored);
  return { value: result, events: stored };
}

/**
 * commit() on a raw mysql2 transaction, for the push path. With `awaitDelivery: false` the
 * events are queued for live delivery and the caller answers at once (delivery keeps
 * commit order; see publisher.ts). With a gate, the work and its commit wait in it, and
 * `ahead` may run before it on the same transaction.
 */
export async function commitRaw<T>(
  services: Services,
  fn: (tx: RawTx, emit: Emit) => Promise<T>,
  opts: {
    readonly awaitDelivery: boolean;
    readonly gate?: Gate;
    /** Runs on the transaction before the gate (a push's early INSERT): see Database.rawTransaction. */
    readonly ahead?: (tx: RawTx) => Promise<void>;
    /** The transaction, begun already (Database.openEarly). */
    readonly opened?: EarlyTx;
    readonly laps?: PushLaps;
  } = { awaitDelivery: true },
): Promise<{ value: T; events: StoredEvent[] }> {
  let stored: StoredEvent[] = [];
  const laps = opts.laps ?? NO_LAPS;
  const value = await services.database.rawTransaction(
    async tx => {
      laps.lap('turn');
      const pending: NewEvent[] = [];
      const v = await fn(tx, (...e) => pending.push(...e));
      stored = await appendEventsRaw(tx, pending);
      laps.lap('events');
      return v;
    },
    {
      ...(opts.gate ? { gate: opts.gate } : {}),
      ...(opts.ahead ? { ahead: opts.ahead } : {}),
      ...(opts.opened ? { opened: opts.opened } : {}),
    },
  );
  laps.lap('commit');
  services.metrics.eventsAppended.inc(stored.length);
  const delivered = services.publish(stored);
  if (opts.awaitDelivery) await delivered;
  return { value, events: stored };
}
