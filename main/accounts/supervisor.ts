/**
 * Supervises one account's process: its state machine, the ready deadline and health
 * probe (watchdog), restarts with exponential backoff under an hourly cap, the memory
 * budget, and clean-up of whatever the process leaves behind. One crash or hang ends here;
 * other accounts and main never notice.
 */
import type { AccountStatusCode } from '../../common/account-status';
import { CommandError } from '../../common/result';
import type { ExitInfo } from './launcher';
import { killAccountProcess, killRemembered, processTree, treeRss } from './process-tree';
import type { SimulatorControl } from './protocol';
import { childToMainSchema } from './protocol';
import type { ProviderEvent, ProviderRequestInput, ProviderResults } from './provider';
import { providerResultSchemas } from './provider';
import type { RuntimeSnapshot } from './snapshot';
import { PendingRequests } from './pending';
import { decideRestart } from './restart-policy';
import type { Running, SupervisorDeps } from './supervisor-deps';
import { IDLE } from './supervisor-deps';

export type { AlertKind, DataEvent, RuntimeSnapshot } from './snapshot';
export type { SupervisorDeps } from './supervisor-deps';

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

export class AccountSupervisor {
  private run: Running | null = null;
  private desired: 'running' | 'stopped' = 'stopped';
  private snap: RuntimeSnapshot = { ...IDLE, state: 'stopped', phone: null, rssBytes: null, pid: null };
  private restartTimes: number[] = [];
  private attempt = 0;
  private readyTimer: unknown = null;
  private probeTimer: unknown = null;
  private probeDeadline: unknown = null;
  private restartTimer: unknown = null;
  private sampleTimer: unknown = null;
  private readonly pending: PendingRequests;
  private downSince: number | null = null;
  private lastActivity = 0;
  private recycleWanted = false;

  constructor(private readonly d: SupervisorDeps) {
    this.pending = new PendingRequests(d.clock);
  }

  snapshot(): RuntimeSnapshot {
    return this.snap;
  }
  /**
   * Start (or keep running). Clears a previous give-up: the user asked explicitly. During a
   * backoff it is "Try again now": the scheduled try starts at once.
   */
  start(): void {
    this.desired = 'running';
    if (this.run) return;
    this.clear('restartTimer');
    this.restartTimes = [];
    this.attempt = 0;
    this.launch();
  }

  async stop(): Promise<void> {
    this.desired = 'stopped';
    await this.shutdown('stop');
    if (this.desired === 'stopped') this.set({ ...IDLE, state: 'stopped' });
  }

  async logout(): Promise<void> {
    this.desired = 'stopped';
    if (this.run) await this.shutdown('logout');
    // The account process deletes its session as it logs out, but not when it had to be
    // killed (a hung WhatsApp Web logout outlasts stopTimeoutMs): what is left goes here.
    this.d.forgetSession();
    this.set({ ...IDLE, state: 'logged_out', code: 'logged_out_here' });
  }

  async request<R extends ProviderRequestInput>(req: R): Promise<ProviderResults[R['op']]> {
    const run = this.run;
    if (!run || (this.snap.state !== 'ready' && req.op !== 'requestPairingCode')) {
      throw new CommandError('unavailable', 'This WhatsApp account is not connected right now.');
    }
    const id = this.pending.id();
    const raw = await this.pending.wait(id, this.d.timings.requestTimeoutMs, req.op, () =>
      run.handle.send({ t: 'request', id, request: req }),
    );
    this.lastActivity = this.d.clock.now();
    return providerResultSchemas[req.op].parse(raw) as ProviderResults[R['op']];
  }

  control(control: SimulatorControl): void {
    this.run?.handle.send({ t: 'control', control });
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────

  private launch(): void {
    this.restartTimer = null;
    if (this.desired !== 'running' || this.run) return;
    const handle = this.d.launcher.launch(this.d.accountId, { BLAZZ_ACCOUNT_ID: this.d.accountId });
    const run: Running = { handle, tree: [], expectedExit: false };
    this.run = run;
    this.recycleWanted = false;
    handle.onMessage(raw => {
      if (this.run === run) this.receive(run, raw);
    });
    handle.onExit(info => {
      // Chromium runs in its own process group: kill what this process left behind.
      void killRemembered(run.tree).then(
        n => n && this.d.log.warn('killed leftover processes', { account: this.d.accountId, n }),
      );
      if (this.run === run) this.exited(run, info);
    });
    this.set({ ...IDLE, state: 'starting', pid: handle.pid });
    handle.send({ t: 'start', config: this.d.config() });
    this.armReadyDeadline();
    this.scheduleSample(run, 1000);
  }

  private exited(run: Running, info: ExitInfo): void {
    this.run = null;
    this.clearWatchdog();
    this.clear('sampleTimer');
    this.pending.rejectAll('The account stopped while answering.');
    this.set({ pid: null, rssBytes: null });
    // Start pressed while a stop was under way: honour it once the old process is gone.
    if (run.expectedExit && this.desired === 'running' && this.restartTimer === null) return this.launch();
    if (run.expectedExit || this.desired !== 'running') return;
    const how = info.signal ? `signal ${info.signal}` : `exit code ${info.code}`;
    const reason = `account process ended (${how})`;
    this.markDown('process_crashed', reason);
    this.restartLater('process_crashed', reason, 'disconnected');
  }

  /** Ends the current process: politely first, then SIGKILL after the stop timeout. */
  private async shutdown(how: 'stop' | 'logout'): Promise<void> {
    this.clear('restartTimer');
    this.clearWatchdog();
    const run = this.run;
    if (!run) return;
    run.expectedExit = true;
    await new Promise<void>(resolve => {
      const timer = this.d.clock.setTimeout(() => killAccountProcess(run.handle), this.d.timings.stopTimeoutMs);
      run.handle.onExit(() => {
        this.d.clock.clearTimeout(timer);
        resolve();
      });
      run.handle.send({ t: how });
    });
  }

  private restartLater(code: AccountStatusCode, reason: string, state: 'disconnected' | 'degraded'): void {
    this.clearWatchdog();
    const old = this.run;
    if (old) {
      this.run = null;
      old.expectedExit = true;
      killAccountProcess(old.handle);
    }
    if (this.desired !== 'running') return;
    const now = this.d.clock.now();
    this.restartTimes = this.restartTimes.filter(t => now - t < this.d.timings.restartWindowMs);
    const decision = decideRestart({
      timings: this.d.timings,
      recentRestarts: this.restartTimes.length,
      attempt: this.attempt,
      linking: this.d.linked ? !this.d.linked() : false,
    });
    if (decision.kind === 'stop') {
      this.desired = 'stopped';
      this.set({ ...IDLE, state: 'failed', code, reason, stoppedAfterTries: decision.tries, pid: null });
      const why = `stopped after ${decision.tries} tries; last problem: ${reason}`;
      this.d.onAlert('gave_up', code, why, this.downSince === null ? null : now - this.downSince);
      return;
    }
    const delay = decision.delayMs;
    this.attempt++;
    this.restartTimes.push(now);
    this.set({ ...IDLE, state, code, reason, retryAt: now + delay, pid: null });
    this.restartTimer = this.d.clock.setTimeout(() => this.launch(), delay);
  }

  // ── messages from the child ───────────────────────────────────────────────────────────

  private receive(run: Running, raw: unknown): void {
    const parsed = childToMainSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.d.log.warn('dropped an invalid message from an account', {
        account: this.d.accountId,
        path: issue?.path.join('.'),
        issue: issue?.message,
      });
      return;
    }
    const msg = parsed.data;
    switch (msg.t) {
      case 'event':
        if (this.d.trace && msg.event.kind === 'message')
          this.d.trace.received(this.d.accountId, msg.event.message.providerMessageId, msg.at, Date.now());
        this.onEvent(msg.event as ProviderEvent);
        return;
      case 'batch':
        this.lastActivity = this.d.clock.now();
        try {
          this.d.onBatch(msg.batch, () => run.handle.send({ t: 'batch_ack', seq: msg.seq }));
        } catch (err) {
          this.d.log.error('ingest of a batch failed', { account: this.d.accountId, err: String(err) });
          run.handle.send({ t: 'batch_ack', seq: msg.seq });
        }
        return;
      case 'pong':
        this.clear('probeDeadline');
        if (run.tree.length === 0) this.set({ rssBytes: msg.rssBytes });
        return;
      case 'result':
        this.pending.settle(
          msg.id,
          msg.ok
            ? { ok: true, value: msg.value ?? null }
            : { ok: false, error: msg.error ?? 'WhatsApp refused the request.' },
        );
        return;
      case 'caught_up':
        this.d.log.info('caught up', { account: this.d.accountId, chats: msg.chats, messages: msg.messages });
        this.d.endCatchUp();
        return;
      case 'log':
        this.d.log[msg.level](msg.msg, { account: this.d.accountId });
        return;
      case 'exiting':
        run.expectedExit = true;
        return;
    }
  }

  private onEvent(e: ProviderEvent): void {
    switch (e.kind) {
      case 'qr':
        // Waiting for a person to scan is not a hang: the ready deadline pauses.
        this.clear('readyTimer');
        this.set({ ...IDLE, state: 'qr', qr: e.qr });
        return;
      case 'pairing_code':
        this.clear('readyTimer');
        this.set({ ...IDLE, state: 'pairing_code', pairingCode: e.code });
        return;
      case 'status':
        this.onStatus(e.status);
        return;
      case 'browser':
        // The browser may die with its account long before the next memory sample: remember
        // the tree now, so a crash of the account process cannot orphan it.
        if (this.run) void this.rememberTree(this.run);
        return;
      default:
        this.lastActivity = this.d.clock.now();
        this.d.onData(e);
    }
  }

  private onStatus(s: Extract<ProviderEvent, { kind: 'status' }>['status']): void {
    const run = this.run;
    if (!run) return;
    if (s.state === 'connecting') {
      if (this.snap.state === 'ready') this.markDown(s.code, s.reason ?? 'Connection lost');
      this.set({ ...IDLE, state: 'connecting', code: s.code, reason: s.reason });
      if (this.readyTimer === null) this.armReadyDeadline();
      return;
    }
    if (s.state === 'ready') {
      this.clear('readyTimer');
      this.attempt = 0;
      this.set({ ...IDLE, state: 'ready', phone: s.phone ?? this.snap.phone });
      if (this.downSince !== null) {
        const downtime = this.d.clock.now() - this.downSince;
        this.downSince = null;
        this.d.onAlert('recovered', null, 'Back online', downtime);
      }
      // `message` fires only for new messages: fetch whatever arrived while we were away.
      run.handle.send({ t: 'catch_up', watermarks: [...this.d.beginCatchUp()] });
      this.startProbing(run);
      return;
    }
    this.markDown(s.code, s.reason);
    if (s.action === 'reconnect') {
      this.restartLater(s.code, s.reason, 'disconnected');
      return;
    }
    // Rescan and alert: restarting cannot help, so stop and say why.
    this.desired = 'stopped';
    void this.shutdown('stop');
    this.set({ ...IDLE, state: s.state, code: s.code, reason: s.reason });
    if (s.action === 'alert') this.d.onAlert('gave_up', s.code, s.reason, null);
  }

  private markDown(code: AccountStatusCode | null, reason: string): void {
    if (this.snap.state !== 'ready' || this.downSince !== null) return;
    this.downSince = this.d.clock.now();
    this.d.onAlert('dropped', code, reason, null);
  }

  // ── watchdog and resources ────────────────────────────────────────────────────────────

  private armReadyDeadline(): void {
    this.clear('readyTimer');
    const ms = this.d.timings.readyDeadlineMs;
    this.readyTimer = this.d.clock.setTimeout(() => {
      this.readyTimer = null;
      this.restartLater('ready_timeout', `not ready within ${Math.round(ms / 1000)} s`, 'degraded');
    }, ms);
  }

  private startProbing(run: Running): void {
    this.clear('probeTimer');
    const tick = () => {
      this.probeTimer = this.d.clock.setTimeout(tick, this.d.timings.probeIntervalMs);
      if (this.run !== run || this.probeDeadline !== null) return;
      run.handle.send({ t: 'ping', id: this.pending.id() });
      this.probeDeadline = this.d.clock.setTimeout(() => {
        this.probeDeadline = null;
        if (this.run !== run) return;
        this.markDown('not_responding', 'The account stopped responding');
        this.restartLater('not_responding', 'no answer to the health check', 'degraded');
      }, this.d.timings.probeTimeoutMs);
    };
    this.probeTimer = this.d.clock.setTimeout(tick, this.d.timings.probeIntervalMs);
  }

  private scheduleSample(run: Running, delayMs: number): void {
    this.sampleTimer = this.d.clock.setTimeout(() => void this.sample(run), delayMs);
  }

  private async rememberTree(run: Running): Promise<void> {
    const pid = run.handle.pid;
    if (pid === null) return;
    const tree = await (this.d.sampleTree ?? processTree)(pid).catch(() => []);
    if (this.run === run && tree.length > 0) run.tree = tree;
  }

  private async sample(run: Running): Promise<void> {
    const pid = run.handle.pid;
    if (this.run !== run) return;
    // Without a pid (in-process runtime) the child's own figure from the last pong is used.
    const tree = pid === null ? [] : await (this.d.sampleTree ?? processTree)(pid).catch(() => []);
    if (this.run !== run) return;
    if (tree.length > 0) {
      run.tree = tree;
      this.set({ rssBytes: treeRss(tree) });
    }
    const rss = this.snap.rssBytes ?? 0;
    const { memoryBudgetBytes, quietMs, memorySampleMs } = this.d.timings;
    if (rss > memoryBudgetBytes) this.recycleWanted = true;
    const quiet = this.d.clock.now() - this.lastActivity >= quietMs && this.pending.size === 0;
    if (this.recycleWanted && quiet && this.snap.state === 'ready') {
      this.recycle(`${mb(rss)} used, budget ${mb(memoryBudgetBytes)}`);
      return;
    }
    this.scheduleSample(run, memorySampleMs);
  }

  /** A planned restart at a quiet moment: graceful, and not counted against the cap. */
  private recycle(reason: string): void {
    this.d.log.info('recycling account', { account: this.d.accountId, reason });
    const run = this.run;
    if (!run) return;
    void this.shutdown('stop').then(() => {
      if (this.desired !== 'running') return;
      this.launch();
      this.set({ code: 'memory_restart', reason });
    });
  }

  private clearWatchdog(): void {
    this.clear('readyTimer');
    this.clear('probeTimer');
    this.clear('probeDeadline');
  }
  private clear(name: 'readyTimer' | 'probeTimer' | 'probeDeadline' | 'restartTimer' | 'sampleTimer'): void {
    if (this[name] !== null) this.d.clock.clearTimeout(this[name]);
    this[name] = null;
  }

  private set(patch: Partial<RuntimeSnapshot>): void {
    this.snap = { ...this.snap, ...patch };
    this.d.onChange(this.snap);
  }
}
