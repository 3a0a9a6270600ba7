/**
 * AccountManager: the accounts as the rest of the app sees them. Owns one supervisor per
 * account, persists accounts through the registry port, restores the ones that were
 * running when the app closed (their saved session means no new scan), feeds provider
 * data to the ingest sink and tells the renderer what changed.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import { consoleLogger } from '../platform/log';
import type { AccountStatusCode } from '../../common/account-status';
import type { Account, AccountState, DesktopProviderKind, SimulatorPace } from '../../common/domain';
import type { MessageInput } from '../../common/ingest';
import { CommandError } from '../../common/result';
import { createIngestBatcher } from './ingest-batcher';
import type { ProcessLauncher } from './launcher';
import { forkLauncher } from './launcher';
import type { AccountRecord, AccountRegistry, IngestSink } from './ports';
import type { RuntimeConfigInput, SimulatorControl } from './protocol';
import type { OlderPage, ProviderRequestInput, ProviderResults } from './provider';
import { qrImageOf } from './qr-image';
import type { BrowserCheck } from './browser-choice';
import type { LiveTrace } from './live-trace';
import { checkBrowser, chosenBrowser } from './browser-choice';
import { accountOf, newRecord, runtimeConfigOf } from './account-records';
import type { AlertKind, RuntimeSnapshot } from './supervisor';
import { AccountSupervisor } from './supervisor';
import type { Clock, SupervisorTimings } from './timings';
import { defaultTimings, systemClock } from './timings';

export type SimulatorSettings = NonNullable<Exclude<RuntimeConfigInput['simulator'], null>>;

export type AccountManagerOptions = {
  /** The app's data folder: sessions under wa/, media under media/. */
  readonly dataDir: string;
  readonly registry: AccountRegistry;
  readonly sink: IngestSink;
  readonly events: Pick<EventBus, 'emit'>;
  readonly launcher?: ProcessLauncher;
  readonly log?: Logger;
  readonly clock?: Clock;
  readonly timings?: Partial<SupervisorTimings>;
  /** A configured Chrome/Chromium/Edge; null lets the webjs provider look for one. */
  readonly browserPath?: string | null;
  /** Overrides for every simulated account (tests and the bench make them quieter or busier). */
  readonly simulator?: Partial<Omit<SimulatorSettings, 'seed' | 'epochMs' | 'pairingPhone'>>;
  readonly newId?: () => string;
  /** Benchmarks only: marks on each live message's way to the store (live-trace.ts). */
  readonly liveTrace?: LiveTrace;
};

export type AddAccountInput = {
  readonly provider: DesktopProviderKind;
  readonly name: string;
  readonly color?: string;
  readonly pairingPhone?: string;
  /** whatsapp-web.js only: the browser for this number (checked: exists, executable). */
  readonly browserPath?: string | null;
  /** Simulator only; random when omitted. */
  readonly seed?: number;
};

export type AccountManager = {
  /** Starts the accounts that were running when the app last closed. */
  restore(): void;
  list(): Account[];
  get(accountId: string): Account;
  add(input: AddAccountInput): Account;
  start(accountId: string): Account;
  stop(accountId: string): Promise<Account>;
  logout(accountId: string): Promise<Account>;
  remove(accountId: string): Promise<void>;
  update(
    accountId: string,
    patch: {
      name?: string;
      color?: string;
      muted?: boolean;
      simulatorPace?: SimulatorPace;
      browserPath?: string | null;
      readReceipts?: boolean;
    },
  ): Account;
  /** The browser a number would use when none is chosen, and whether a typed path can be one. */
  checkBrowser(path: string | null): BrowserCheck;
  requestPairingCode(accountId: string, phone: string): Promise<string>;
  request<R extends ProviderRequestInput>(accountId: string, req: R): Promise<ProviderResults[R['op']]>;
  /** Simulator levers (offline, inject, hang, crash); ignored by real accounts. */
  control(accountId: string, control: SimulatorControl): void;
  /** "Try the demo": two simulated accounts, started. */
  startDemo(): Account[];
  /** Stops every account without forgetting which ones were running. */
  close(): Promise<void>;
};

const palette = ['#25d366', '#7c4dff', '#ff7043', '#29b6f6', '#ec407a', '#8d6e63', '#26a69a', '#ffca28'];
/** States that mean "a session exists and was in use": these come back on app start. */
const restorable: ReadonlySet<AccountState> = new Set(['ready', 'connecting', 'degraded', 'disconnected', 'starting']);

export function createAccountManager(o: AccountManagerOptions): AccountManager {
  const log = o.log ?? consoleLogger('accounts');
  const clock = o.clock ?? systemClock;
  const timings: SupervisorTimings = { ...defaultTimings, ...o.timings };
  const launcher = o.launcher ?? forkLauncher();
  const newId = o.newId ?? (() => `acc_${randomUUID().replace(/-/g, '').slice(0, 12)}`);
  const records = new Map<string, AccountRecord>(o.registry.list().map(r => [r.id, r]));
  const supervisors = new Map<string, AccountSupervisor>();
  const qrImages = new Map<string, string>();
  const batcher = createIngestBatcher(o.sink, err => log.error('ingest failed', { err: String(err) }), {
    ...(o.liveTrace ? { trace: o.liveTrace } : {}),
  });
  let closing = false;
  let changeQueued = false;

  const emitChanged = () => {
    if (changeQueued) return;
    changeQueued = true;
    setImmediate(() => {
      changeQueued = false;
      o.events.emit('accounts:changed', { accounts: list() });
    });
  };

  const recordOf = (id: string): AccountRecord => {
    const r = records.get(id);
    if (!r) throw new CommandError('not_found', `No account ${id}.`);
    return r;
  };

  const save = (r: AccountRecord) => {
    records.set(r.id, r);
    o.registry.save(r);
  };

  const configOf = (r: AccountRecord) => runtimeConfigOf(r, o);

  const onAlert = (
    id: string,
    kind: AlertKind,
    code: AccountStatusCode | null,
    reason: string,
    downtimeMs: number | null,
  ) => {
    const r = records.get(id);
    if (!r) return;
    if (kind === 'recovered' && downtimeMs !== null) save({ ...r, lastDowntimeMs: downtimeMs });
    const level = kind === 'recovered' ? 'info' : kind === 'dropped' ? 'warning' : 'error';
    // Codes only: the renderer words them (English, Bahasa Indonesia); the raw text is detail.
    o.events.emit('accounts:alerted', {
      accountId: id,
      accountName: r.name,
      level,
      code: kind,
      reasonCode: code,
      detail: kind === 'recovered' ? null : reason.slice(0, 500),
      tries: kind === 'gave_up' ? (supervisors.get(id)?.snapshot().stoppedAfterTries ?? null) : null,
      downtimeMs,
    });
  };

  const onChange = (id: string, snap: RuntimeSnapshot) => {
    const r = records.get(id);
    if (!r) return;
    if (snap.qr && !qrImages.has(snap.qr)) {
      void qrImageOf(snap.qr).then(url => {
        qrImages.clear(); // only the current QR matters
        qrImages.set(snap.qr ?? '', url);
        emitChanged();
      });
    }
    // Progress text ("Loading chats 40%") changes often and matters only while it shows.
    const transient =
      snap.state === 'starting' || snap.state === 'connecting' || snap.state === 'qr' || snap.state === 'pairing_code';
    const changed =
      r.lastState !== snap.state ||
      (!transient && (r.lastStateReason !== snap.reason || r.lastStateCode !== snap.code)) ||
      (snap.phone !== null && snap.phone !== r.phone);
    // While the app closes, accounts stop, but they must come back next time: keep lastState.
    if (changed && !closing)
      save({
        ...r,
        lastState: snap.state,
        lastStateReason: snap.reason,
        lastStateCode: snap.code,
        phone: snap.phone ?? r.phone,
      });
    emitChanged();
  };

  const supervisorOf = (id: string): AccountSupervisor => {
    const existing = supervisors.get(id);
    if (existing) return existing;
    const sup = new AccountSupervisor({
      accountId: id,
      launcher,
      config: () => configOf(recordOf(id)),
      timings,
      clock,
      log,
      beginCatchUp: () => o.sink.beginCatchUp(id),
      endCatchUp: () => o.sink.endCatchUp(id),
      onData: e => batcher.add(e),
      onBatch: (b, stored) => batcher.queueBatch(b, stored),
      onChange: snap => onChange(id, snap),
      onAlert: (kind, code, reason, downtime) => onAlert(id, kind, code, reason, downtime),
      forgetSession: () => forgetSession(id),
      linked: () => records.get(id)?.phone != null,
      ...(o.liveTrace ? { trace: o.liveTrace } : {}),
    });
    supervisors.set(id, sup);
    return sup;
  };

  const forgetSession = (id: string) => {
    // LocalAuth keeps the Chromium profile in <dataPath>/session-<clientId>.
    rmSync(join(o.dataDir, 'wa', `session-${id}`), { recursive: true, force: true, maxRetries: 4 });
    rmSync(join(o.dataDir, 'simulator', `session-${id}`), { force: true });
  };

  const toAccount = (r: AccountRecord): Account => {
    const snap = supervisors.get(r.id)?.snapshot();
    return accountOf(r, snap, snap?.qr ? (qrImages.get(snap.qr) ?? null) : null);
  };

  function list(): Account[] {
    return [...records.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id)).map(toAccount);
  }

  const get = (id: string) => toAccount(recordOf(id));

  /** Stops the number and starts it again: its next start reads the new pace from configOf. */
  const restartAtNewPace = (id: string) => {
    const sup = supervisorOf(id);
    sup.stop().then(
      () => {
        if (records.has(id) && !closing) sup.start();
      },
      (err: unknown) => log.warn('restart at a new pace failed', { accountId: id, err: String(err) }),
    );
  };

  const add = (input: AddAccountInput): Account => {
    const browserPath = chosenBrowser(input.provider, input.browserPath);
    const id = newId();
    const record = newRecord(input, {
      id,
      browserPath,
      color: input.color ?? palette[records.size % palette.length] ?? '#25d366',
      createdAt: clock.now(),
    });
    save(record);
    supervisorOf(id).start();
    emitChanged();
    return get(id);
  };

  return {
    restore() {
      for (const r of records.values()) if (restorable.has(r.lastState)) supervisorOf(r.id).start();
      emitChanged();
    },
    list,
    get,
    add,
    start(id) {
      recordOf(id);
      supervisorOf(id).start();
      return get(id);
    },
    async stop(id) {
      recordOf(id);
      await supervisorOf(id).stop();
      return get(id);
    },
    async logout(id) {
      recordOf(id);
      await supervisorOf(id).logout();
      return get(id);
    },
    async remove(id) {
      recordOf(id);
      await supervisorOf(id).logout();
      supervisors.delete(id);
      records.delete(id);
      o.registry.remove(id);
      emitChanged();
    },
    update(id, patch) {
      const r = recordOf(id);
      if (patch.simulatorPace !== undefined && r.provider !== 'simulator')
        throw new CommandError('invalid_args', 'Only a simulated number has a pace.', { reason: 'not_simulator' });
      const paceChanged = patch.simulatorPace !== undefined && patch.simulatorPace !== (r.simulatorPace ?? 'lively');
      const browserPath =
        patch.browserPath === undefined ? r.browserPath : chosenBrowser(r.provider, patch.browserPath);
      save({
        ...r,
        ...(patch.name ? { name: patch.name } : {}),
        ...(patch.color ? { color: patch.color } : {}),
        ...(patch.muted !== undefined ? { muted: patch.muted } : {}),
        ...(patch.simulatorPace !== undefined ? { simulatorPace: patch.simulatorPace } : {}),
        // Read at each read, not at start: no restart.
        ...(patch.readReceipts !== undefined ? { readReceipts: patch.readReceipts } : {}),
        browserPath,
      });
      // Pace and browser are start-up settings: a running number restarts with them.
      const browserChanged = browserPath !== r.browserPath;
      if ((paceChanged || browserChanged) && r.lastState !== 'stopped') restartAtNewPace(id);
      emitChanged();
      return get(id);
    },
    checkBrowser: path => checkBrowser(path, o.browserPath ?? null),
    async requestPairingCode(id, phone) {
      const r = recordOf(id);
      save({ ...r, pairingPhone: phone });
      return supervisorOf(id).request({ op: 'requestPairingCode', phone });
    },
    async request(id, req) {
      recordOf(id);
      const result = await supervisorOf(id).request(req);
      // A sent message is stored at once, with its client message id, so the outbox can
      // match it and acks that follow find their row.
      if (req.op === 'sendText' || req.op === 'sendMedia')
        batcher.add({ kind: 'message', message: result as MessageInput });
      if (req.op === 'loadOlder') batcher.addBatch({ messages: [...(result as OlderPage).messages] });
      return result;
    },
    control(id, control) {
      recordOf(id);
      supervisorOf(id).control(control);
    },
    startDemo() {
      const demos = [...records.values()].filter(r => r.provider === 'simulator');
      if (demos.length > 0) {
        for (const r of demos) supervisorOf(r.id).start();
        return demos.map(r => get(r.id));
      }
      return [
        add({ provider: 'simulator', name: 'Demo · Sales', color: '#25d366', seed: 1001 }),
        add({ provider: 'simulator', name: 'Demo · Support', color: '#7c4dff', seed: 2002 }),
      ];
    },
    async close() {
      closing = true;
      await Promise.all([...supervisors.values()].map(s => s.stop()));
      batcher.flush();
    },
  };
}
