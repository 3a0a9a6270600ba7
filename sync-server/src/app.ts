/**
 * createApplication(): the whole workspace server as one object, so the entry point, the
 * tests and the benchmark start it the same way (tests listen on port 0 and connect real
 * socket.io-client clients). Nodes hold no state of their own: MySQL is the truth and,
 * with a Redis URL, the Socket.IO Redis adapter carries room broadcasts between nodes.
 */
import type { BlobStoreConfig } from './blobs';
import { openBlobStore } from './blobs';
import { createServer } from 'node:http';
import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import { MAX_PACKET_BYTES, SYNC_NAMESPACE } from '../../common/protocol';
import type { ClientToServerEvents, ServerToClientEvents } from '../../common/protocol';
import { DEFAULT_HASH_PARAMS } from './auth/crypto';
import type { HashParams } from './auth/crypto';
import { DEFAULT_SESSION_POLICY } from './auth/expiry';
import type { SessionPolicy } from './auth/expiry';
import { checkToken, handshakeRefusal } from './auth/sessions';
import type { Principal } from './auth/sessions';
import type { Database } from './db/index';
import { insertsGetConsecutiveIds, migrateDatabase, openDatabase } from './db/index';
import { presenceOnConnect, setPresence } from './db/repositories/members';
import { accountsHostedBy, setHostOnline, wireAccounts } from './db/repositories/workspace';
import { adminHandlers } from './handlers/admin';
import { auditHandlers } from './handlers/audit';
import { chatHandlers } from './handlers/chats';
import type { InterNodeEvents, Limits, Services, SyncServer, SyncSocket } from './handlers/context';
import { aiPolicyHandlers } from './handlers/ai-policy';
import { automationHandlers } from './automation/handlers';
import { assignmentHandlers } from './automation/assignment/handlers';
import { drainWaiting } from './automation/assignment/drain';
import { ruleHandlers } from './automation/rules/handlers';
import { apiKeyHandlers } from './handlers/api-keys';
import { reportsHandlers } from './handlers/reports';
import { startReportWorker } from './reports/maintain';
import { mfaHandlers } from './handlers/mfa';
import { createUploadAsks } from './http/upload-asks';
import { mfaManageHandlers } from './handlers/mfa-manage';
import { tagHandlers } from './handlers/tags';
import { contactHandlers } from './handlers/contacts';
import { DEFAULT_LIMITS, commit } from './handlers/context';
import type { HandlerTable } from './handlers/dispatch';
import { registerCommands } from './handlers/dispatch';
import { createPublisher } from './handlers/publisher';
import { createPushOrder } from './handlers/push-order';
import { joinRooms } from './handlers/room-join';
import { rooms } from './handlers/rooms';
import { offerPendingSends, sendHandlers } from './handlers/sends';
import { offerPendingReactions, reactionHandlers } from './cloud/reactions';
import { messageChangeHandlers, offerPendingMessageChanges } from './handlers/message-changes';
import { offerPendingReads, readReceiptHandlers } from './cloud/read-receipts';
import { sessionHandlers } from './handlers/sessions';
import { syncHandlers } from './handlers/sync';
import { typingHandlers } from './handlers/typing';
import { workspaceHandlers } from './handlers/workspace';
import { disableFailingEndpoint, webhookHandlers } from './handlers/webhooks';
import type { WebhookOptions } from './webhooks/options';
import { DEFAULT_WEBHOOK_OPTIONS } from './webhooks/options';
import type { WebhookWorker } from './webhooks/worker';
import { startWebhookWorker } from './webhooks/worker';
import { startAutomationTimers } from './automation/timers/worker';
import type { JobOptions } from './automation/jobs/worker';
import { startAutomationJobs } from './automation/jobs/worker';
import { automationAiHandlers } from './automation/ai/handlers';
import type { WorkLoop } from './work-loop';
import type { CloudOptions, CloudRuntime } from './cloud/index';
import { DEFAULT_CLOUD_OPTIONS, startCloudRuntime } from './cloud/index';
import { graphFactory } from './cloud/graph-factory';
import { cloudHandlers } from './cloud/handlers';
import { createClientErrorHandler, createHttpHandler } from './http/api';
import { createMetrics } from './http/metrics';
import { runReadiness } from './http/readiness';
import type { ServerLog } from './log';
import { createRelayAdapter } from './relay-adapter';
import { createRelayCodec } from './relay-codec';

export type ApplicationOptions = {
  readonly databaseUrl: string;
  readonly redisUrl?: string | undefined;
  readonly blobDir: string;
  /** Where media bytes live: the folder blobDir (default) or an S3-compatible bucket. */
  readonly blobStore?: BlobStoreConfig;
  readonly log: ServerLog;
  readonly limits?: Partial<Limits>;
  /** Session expiry (defaults: 30 days idle, 90 days in all) and its clock. */
  readonly sessions?: Partial<SessionPolicy>;
  /** Trust X-Forwarded-For for the client's address (only behind a reverse proxy). */
  readonly trustProxy?: boolean;
  /** scrypt cost of password hashes (default DEFAULT_HASH_PARAMS); tests lower it. */
  readonly passwordHash?: HashParams;
  readonly poolSize?: number;
  /** Apply migrations at start-up (default true). */
  readonly migrate?: boolean;
  /** Node's default process metrics in /metrics (off in tests: one registry per process). */
  readonly processMetrics?: boolean;
  /** Key for TOTP secrets at rest (config MFA_ENCRYPTION_KEY); without it MFA cannot be enabled. */
  readonly mfaKey?: Buffer | null;
  /** The clock automation reads (default Date.now); tests move it instead of waiting. */
  readonly clock?: () => number;
  /** Outgoing webhooks: target rule, back-off, timeouts, clock (tests shorten them). */
  readonly webhooks?: Partial<WebhookOptions>;
  /** How often automation's timers (SLA breach, unanswered, reassignment) look (default 15 s). */
  readonly automationPollMs?: number;
  /** Automation's jobs (status-change and sentiment rules): poll interval; `paused` records but runs none. */
  readonly automationJobs?: JobOptions;
  /**
   * Reports read the report tables (0034) when they are current (default true); false: always
   * the computation from the messages (docs/reports.md, "How figures are stored").
   */
  readonly readReportTables?: boolean;
  /** Cloud API numbers: Graph's address and version, worker polls; `fetch` for tests' loopback Graph. */
  readonly cloud?: Partial<CloudOptions> & { readonly fetch?: typeof fetch };
};

export type Application = {
  readonly httpServer: HttpServer;
  readonly io: Server<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, Principal>;
  readonly sync: SyncServer;
  readonly database: Database;
  readonly webhooks: WebhookWorker;
  readonly cloud: CloudRuntime;
  /** Automation's timers; tests wait for `idle()` after moving the clock. */
  readonly automationTimers: WorkLoop;
  /** Automation's jobs (status-change and sentiment rules); tests wait for `idle()`. */
  readonly automationJobs: WorkLoop;
  /** Keeps the report tables current (reports/maintain.ts); benchmarks wait for `idle()` after a backfill. */
  readonly reportTables: WorkLoop;
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
};

export async function createApplication(opts: ApplicationOptions): Promise<Application> {
  const log = opts.log;
  const database = openDatabase(opts.databaseUrl, opts.poolSize === undefined ? {} : { poolSize: opts.poolSize });
  if (opts.migrate !== false) await migrateDatabase(database);
  const consecutiveRowIds = await insertsGetConsecutiveIds(database.raw);

  // Our handler is given to the server BEFORE Socket.IO attaches: engine.io then keeps its
  // own paths (/socket.io/, polling included) and calls ours only for the others. Added
  // after, both would answer a polling request and the second write would end the process.
  const cloudOptions: CloudOptions = { ...DEFAULT_CLOUD_OPTIONS, ...opts.cloud };
  const routes: { handle?: (req: IncomingMessage, res: ServerResponse) => void } = {};
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const serverOptions = {
    // A connection still sending its headers after this gets a 408 and is closed, so slow
    // partial requests cannot pile up; checked every quarter of that time.
    headersTimeout: limits.headersTimeoutMs,
    connectionsCheckingInterval: Math.max(250, Math.floor(limits.headersTimeoutMs / 4)),
  };
  const httpServer = createServer(serverOptions, (req, res) => {
    // Set below once the services exist, long before listen(); the 503 only satisfies types.
    if (routes.handle) return routes.handle(req, res);
    res.writeHead(503, { 'retry-after': '1' }).end();
  });
  httpServer.on('clientError', createClientErrorHandler(log));
  const io = new Server<ClientToServerEvents, ServerToClientEvents, InterNodeEvents, Principal>(httpServer, {
    maxHttpBufferSize: MAX_PACKET_BYTES,
    serveClient: false,
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });

  const redisClients: Array<{ quit(): Promise<unknown>; ping(): Promise<unknown> }> = [];
  if (opts.redisUrl) {
    const pub = createClient({ url: opts.redisUrl });
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', (err: unknown) => log.error({ err }, 'redis error'));
    await Promise.all([pub.connect(), sub.connect()]);
    redisClients.push(pub, sub);
    io.adapter(createRelayAdapter(pub, sub, { parser: createRelayCodec() }));
  }

  const sync: SyncServer = io.of(SYNC_NAMESPACE);
  const metrics = createMetrics({ defaults: opts.processMetrics ?? false });
  const publisher = createPublisher(database, sync, log);
  const blobs = openBlobStore(opts.blobStore ?? { kind: 'folder' }, opts.blobDir);
  const services: Services = {
    db: database.db,
    database,
    io: sync,
    log,
    limits,
    sessionPolicy: { ...DEFAULT_SESSION_POLICY, ...opts.sessions },
    trustProxy: opts.trustProxy ?? false,
    hashParams: opts.passwordHash ?? DEFAULT_HASH_PARAMS,
    blobDir: opts.blobDir,
    blobs,
    outbound: { allowPrivate: opts.webhooks?.allowPrivateNetworks ?? false },
    metrics,
    pushOrder: createPushOrder(),
    uploadAsks: createUploadAsks(),
    consecutiveRowIds,
    mfaKey: opts.mfaKey ?? null,
    clock: opts.clock ?? (() => Date.now()),
    // A commit may carry facts webhooks are subscribed to: the worker looks at once.
    publish: events => (events.length > 0 && webhooks.kick(), publisher.publish(events)),
    cloud: {
      graph: graphFactory(cloudOptions, opts.cloud?.fetch),
      kickInbox: () => cloud.kickInbox(),
      kickSends: () => cloud.kickSends(),
      kickReads: () => cloud.kickReads(),
    },
    automationJobs: {
      runNow: (kind, key) => automationJobs.jobs.runNow(kind, key),
      kick: () => automationJobs.jobs.kick(),
    },
  };
  const cloud = startCloudRuntime(services, cloudOptions);
  const automationTimers = startAutomationTimers(services, opts.automationPollMs);
  const automationJobs = startAutomationJobs(services, opts.automationJobs);
  const reportTables = startReportWorker(database, log);
  const webhookOptions: WebhookOptions = { ...DEFAULT_WEBHOOK_OPTIONS, ...opts.webhooks };
  const webhooks = startWebhookWorker({
    database,
    log,
    key: services.mfaKey,
    options: webhookOptions,
    onDisabled: endpoint => disableFailingEndpoint(services, endpoint),
  });
  const handlers: HandlerTable = {
    ...syncHandlers(services),
    ...chatHandlers(services),
    ...auditHandlers(services),
    ...sendHandlers(services),
    ...adminHandlers(services),
    ...workspaceHandlers(services),
    ...typingHandlers(services),
    ...sessionHandlers(services),
    ...mfaHandlers(services),
    ...mfaManageHandlers(services),
    ...tagHandlers(services),
    ...contactHandlers(services),
    ...aiPolicyHandlers(services),
    ...reportsHandlers(services, opts.readReportTables === false ? undefined : reportTables),
    ...automationHandlers(services),
    ...assignmentHandlers(services),
    ...ruleHandlers(services),
    ...automationAiHandlers(services),
    ...apiKeyHandlers(services),
    ...cloudHandlers(services),
    ...reactionHandlers(services),
    ...messageChangeHandlers(services),
    ...readReceiptHandlers(services),
    ...webhookHandlers(services, {
      policy: { allowPrivate: webhookOptions.allowPrivateNetworks },
      kick: () => webhooks.kick(),
    }),
  };

  const pub = redisClients[0];
  const readiness = () =>
    runReadiness({ mysql: () => database.ping(), ...(pub ? { redis: () => pub.ping() } : {}) }, log);
  routes.handle = createHttpHandler(services, readiness, handlers);

  sync.use((socket, next) => {
    const auth: unknown = socket.handshake.auth;
    const token =
      typeof auth === 'object' && auth !== null && 'token' in auth && typeof auth.token === 'string' ? auth.token : '';
    checkToken(database.db, token, services.sessionPolicy)
      .then(checked => {
        if ('refused' in checked) return next(handshakeRefusal(checked.refused));
        socket.data = checked.principal;
        next();
      })
      .catch((err: unknown) => {
        log.error({ err }, 'handshake failed');
        next(new Error('unavailable'));
      });
  });

  /** Marks the device's hosted accounts on- or offline and tells their members. */
  async function hostPresence(sessionId: string, online: boolean): Promise<boolean> {
    // Most devices host nothing: skip the transaction (and the event sequencer lock) for them.
    if ((await accountsHostedBy(database.db, sessionId)).length === 0) return false;
    await commit(services, async (tx, emit) => {
      const ids = await setHostOnline(tx, sessionId, online);
      for (const account of await wireAccounts(tx, ids)) {
        emit({ body: { type: 'account:updated', account }, audience: 'account', accountId: account.id });
      }
    });
    return true;
  }

  let closing = false;
  const inflight = new Set<Promise<unknown>>();
  /** Background work close() must wait for before it shuts the database and Redis. */
  function track(p: Promise<unknown>): void {
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
  }

  async function onConnect(socket: SyncSocket): Promise<void> {
    const p = socket.data;
    registerCommands(services, handlers, socket);
    // Access changed (or ended) while it connected: it reconnects and joins the new state's rooms.
    if (!(await joinRooms(database.raw, socket))) {
      socket.disconnect(true);
      return;
    }
    metrics.sockets.inc();
    socket.on('disconnect', () => {
      metrics.sockets.dec();
      if (closing) return;
      track(
        (async () => {
          // Another socket of the same device (a quick reconnect) keeps it online.
          const still = await sync.in(rooms.device(p.sessionId)).fetchSockets();
          if (still.length > 0) return;
          await setPresence(database.db, p.sessionId, 'offline', services.sessionPolicy.now());
          sync
            .to(rooms.workspace)
            .emit('presence:changed', { memberId: p.memberId, deviceId: p.sessionId, status: 'offline' });
          await hostPresence(p.sessionId, false);
        })().catch((err: unknown) => log.warn({ err }, 'disconnect bookkeeping failed')),
      );
    });
    // On the policy's clock: connecting is activity, and it restarts the idle expiry. A
    // presence the device set while this ran (away) is kept, not overwritten.
    if (await presenceOnConnect(database.raw, p.sessionId, services.sessionPolicy.now()))
      sync
        .to(rooms.workspace)
        .emit('presence:changed', { memberId: p.memberId, deviceId: p.sessionId, status: 'online' });
    if (await hostPresence(p.sessionId, true)) {
      await offerPendingSends(services, p.sessionId);
      await offerPendingReactions(services, p.sessionId);
      await offerPendingMessageChanges(services, p.sessionId);
      await offerPendingReads(services, p.sessionId);
    }
    await drainWaiting(services, p.memberId);
  }

  sync.on('connection', socket => {
    track(
      onConnect(socket).catch((err: unknown) => {
        if (!closing) log.error({ err }, 'connection set-up failed');
        socket.disconnect(true);
      }),
    );
  });

  return {
    httpServer,
    io,
    sync,
    database,
    webhooks,
    cloud,
    automationTimers,
    automationJobs: automationJobs.loop,
    reportTables,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as AddressInfo).port));
      }),
    async close() {
      if (closing) return;
      closing = true;
      await Promise.allSettled([...inflight]);
      // Closing the transports (not disconnecting the sockets) lets clients reconnect to another node.
      await new Promise<void>(resolve => {
        io.close(() => resolve());
        httpServer.closeAllConnections();
      });
      await Promise.allSettled([...inflight]);
      // The Cloud workers commit facts too: stopped before the publisher's last drain.
      await cloud.stop();
      await automationTimers.stop();
      await automationJobs.loop.stop();
      await reportTables.stop();
      await publisher.drain();
      await webhooks.stop();
      await Promise.all(redisClients.map(c => c.quit().catch(() => undefined)));
      await database.close();
      blobs.close();
    },
  };
}
