/**
 * Starts the workspace server on a throwaway MariaDB (and Redis when asked) and drives it
 * with real socket.io-client clients, as a desktop would.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RowDataPacket } from 'mysql2/promise';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { Role } from '../../../common/domain';
import { SYNC_NAMESPACE } from '../../../common/protocol';
import type {
  ClientToServerEvents,
  CommandName,
  CommandResult,
  ServerToClientEvents,
  SyncEvent,
} from '../../../common/protocol';
import type { Reply } from '../../../common/result';
import { createApplication } from '../../../sync-server/src/app';
import type { Application, ApplicationOptions } from '../../../sync-server/src/app';
import { hashPassword } from '../../../sync-server/src/auth/crypto';
import { insertMember } from '../../../sync-server/src/db/repositories/members';
import { silentLog } from '../../../sync-server/src/log';
import { startMariaDb } from '../../helpers/mariadb';
import type { MariaDb } from '../../helpers/mariadb';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
export const PASSWORD = 'correct horse battery';
/** scrypt parameters of the test servers: far below the default, which the hashing test checks itself. */
export const TEST_HASH = { N: 1024, r: 8, p: 1 } as const;
export const TEST_MFA_KEY = Buffer.alloc(32, 7);

let passwordHash: string | undefined;

export type Node = { app: Application; port: number; url: string };

export async function startNode(
  databaseUrl: string,
  extra: Partial<ApplicationOptions> & { port?: number } = {},
): Promise<Node> {
  const blobDir = extra.blobDir ?? mkdtempSync(join(tmpdir(), 'blazz-blobs-'));
  const app = await createApplication({
    databaseUrl,
    blobDir,
    log: silentLog(),
    limits: { sendsPerMinute: 10_000, loginPerIpPerMinute: 10_000, loginPerAccountPerMinute: 10_000, ...extra.limits },
    ...(extra.redisUrl ? { redisUrl: extra.redisUrl } : {}),
    ...(extra.sessions ? { sessions: extra.sessions } : {}),
    ...(extra.trustProxy !== undefined ? { trustProxy: extra.trustProxy } : {}),
    ...(extra.clock ? { clock: extra.clock } : {}),
    ...(extra.webhooks ? { webhooks: extra.webhooks } : {}),
    ...(extra.blobStore ? { blobStore: extra.blobStore } : {}),
    ...(extra.cloud ? { cloud: extra.cloud } : {}),
    ...(extra.automationJobs ? { automationJobs: extra.automationJobs } : {}),
    // Cheap hashes keep hundreds of sign-ins fast; `passwordHash: undefined` asks for the server's default.
    ...('passwordHash' in extra
      ? extra.passwordHash
        ? { passwordHash: extra.passwordHash }
        : {}
      : { passwordHash: TEST_HASH }),
    poolSize: 10,
    // Every test server can enable two-step sign-in unless a test says otherwise (null).
    mfaKey: extra.mfaKey === undefined ? TEST_MFA_KEY : extra.mfaKey,
  });
  const port = await app.listen(extra.port ?? 0);
  return { app, port, url: `http://127.0.0.1:${port}` };
}

export type Stack = {
  mariadb: MariaDb;
  node: Node;
  clients: Client[];
  member(role: Role, name?: string): Promise<{ id: string; email: string }>;
  login(email: string, deviceName?: string): Promise<{ token: string; sessionId: string; memberId: string }>;
  connect(token: string, url?: string): Promise<Client>;
  /** A member signed in and connected in one go. */
  device(
    role: Role,
    name?: string,
  ): Promise<{ id: string; email: string; token: string; sessionId: string; socket: Client }>;
  stop(): Promise<void>;
};

export async function startStack(opts: Partial<ApplicationOptions> = {}): Promise<Stack> {
  const mariadb = await startMariaDb();
  const node = await startNode(mariadb.url, opts);
  passwordHash ??= await hashPassword(PASSWORD, TEST_HASH);
  const clients: Client[] = [];
  const stack: Stack = {
    mariadb,
    node,
    clients,
    async member(role, name) {
      const id = randomUUID();
      const email = `${role}-${id.slice(0, 8)}@example.test`;
      await insertMember(stack.node.app.database.db, {
        id,
        email,
        name: name ?? `${role} ${id.slice(0, 4)}`,
        role,
        passwordHash: passwordHash!,
        now: Date.now(),
      });
      return { id, email };
    },
    async login(email, deviceName = 'test device') {
      const res = await fetch(`${stack.node.url}/api/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD, deviceName }),
      });
      const body = (await res.json()) as Reply<{ token: string; sessionId: string; memberId: string }>;
      if (!body.ok) throw new Error(`login failed: ${body.error.code}`);
      return body.value;
    },
    async connect(token, url = stack.node.url) {
      const socket: Client = connectClient(url + SYNC_NAMESPACE, {
        auth: { token },
        transports: ['websocket'],
        reconnectionDelay: 50,
        reconnectionDelayMax: 200,
      });
      clients.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', err => reject(err));
      });
      return socket;
    },
    async device(role, name) {
      const m = await stack.member(role, name);
      const s = await stack.login(m.email);
      return { ...m, token: s.token, sessionId: s.sessionId, socket: await stack.connect(s.token) };
    },
    async stop() {
      for (const c of clients) c.disconnect();
      await stack.node.app.close();
      await mariadb.stop();
    },
  };
  return stack;
}

/** Sends a command and waits for its Reply. */
export async function call<K extends CommandName>(
  socket: Client,
  name: K,
  payload: unknown,
  timeoutMs = 10_000,
): Promise<Reply<CommandResult<K>>> {
  const emit = socket.timeout(timeoutMs).emitWithAck as (ev: string, p: unknown) => Promise<Reply<CommandResult<K>>>;
  return emit.call(socket.timeout(timeoutMs), name, payload);
}

/** Like call, but the reply must be ok. */
export async function must<K extends CommandName>(
  socket: Client,
  name: K,
  payload: unknown,
): Promise<CommandResult<K>> {
  const reply = await call(socket, name, payload);
  if (!reply.ok)
    throw new Error(
      `${name} failed: ${reply.error.code} ${reply.error.message} ${JSON.stringify(reply.error.details ?? '')}`,
    );
  return reply.value;
}

/** Collects every fact a client receives, by name, for assertions. */
export function recorder(socket: Client): {
  events: Array<{ name: string; payload: unknown }>;
  next(name: string, timeoutMs?: number): Promise<unknown>;
} {
  const events: Array<{ name: string; payload: unknown }> = [];
  const waiters: Array<{ name: string; resolve: (p: unknown) => void }> = [];
  const record = (name: string, payload: unknown) => {
    events.push({ name, payload });
    const i = waiters.findIndex(w => w.name === name);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(payload);
  };
  socket.onAny((name: string, payload: unknown) => {
    // Logged facts come in packets; each is recorded under its own type, in order.
    if (name === 'sync:facts') for (const fact of payload as SyncEvent[]) record(fact.type, fact);
    else record(name, payload);
  });
  return {
    events,
    next: (name, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ name, resolve: p => (clearTimeout(timer), resolve(p)) });
      }),
  };
}

export const NOW = () => Date.now() - 60_000;

/** The rows of a read on the node's database: what a test checks the server stored. */
export async function sqlRows(stack: Stack, sql: string, args: unknown[] = []): Promise<RowDataPacket[]> {
  const [r] = await stack.node.app.database.raw.query<RowDataPacket[]>(sql, args);
  return r;
}

/** A host device with one registered account and one chat with a message. */
export async function hostWithChat(stack: Stack, accountId = `acct-${randomUUID().slice(0, 8)}`) {
  const host = await stack.device('lead', 'host lead');
  await must(host.socket, 'account:register', {
    accountId,
    name: 'Support line',
    phone: '628111',
    provider: 'simulator',
  });
  const jid = '628123@c.us';
  await must(host.socket, 'sync:push', {
    chats: [{ accountId, jid, isGroup: false, name: 'Customer' }],
    messages: [
      {
        accountId,
        chatJid: jid,
        providerMessageId: 'm1',
        fromMe: false,
        type: 'text',
        body: 'hello',
        timestamp: NOW(),
      },
    ],
  });
  return { host, accountId, chatId: `${accountId}:${jid}`, jid };
}

export function tmpBlobDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'blazz-blobs-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
