/** Shared set-up for the server benchmark: servers, devices with ready tokens, clients. */
import { randomUUID } from 'node:crypto';
import { io as connectClient } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { SYNC_NAMESPACE } from '../../common/protocol';
import type { ClientToServerEvents, CommandName, CommandResult, ServerToClientEvents } from '../../common/protocol';
import type { Reply } from '../../common/result';
import { createApplication } from '../../sync-server/src/app';
import type { Application, ApplicationOptions } from '../../sync-server/src/app';
import { newToken, tokenHash } from '../../sync-server/src/auth/crypto';
import type { Db } from '../../sync-server/src/db/index';
import { addAccountMember, insertMember, insertSession } from '../../sync-server/src/db/repositories/members';
import { silentLog } from '../../sync-server/src/log';

export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export async function startServer(
  databaseUrl: string,
  blobDir: string,
  redisUrl?: string,
  extra: Partial<ApplicationOptions> = {},
): Promise<{ app: Application; url: string }> {
  const app = await createApplication({
    databaseUrl,
    blobDir,
    log: silentLog(),
    poolSize: 20,
    limits: { sendsPerMinute: 1_000_000, loginPerIpPerMinute: 1_000_000, loginPerAccountPerMinute: 1_000_000 },
    ...(redisUrl ? { redisUrl } : {}),
    ...extra,
  });
  const port = await app.listen(0);
  return { app, url: `http://127.0.0.1:${port}` };
}

/** A member with `devices` sessions; tokens are minted directly (sign-in's scrypt is not what we measure). */
export async function memberWithDevices(
  db: Db,
  role: 'admin' | 'lead' | 'agent',
  devices: number,
): Promise<{ id: string; tokens: string[] }> {
  const id = randomUUID();
  await insertMember(db, {
    id,
    email: `${role}-${id.slice(0, 8)}@bench.test`,
    name: role,
    role,
    passwordHash: 'scrypt$1$1$1$x$x',
    now: Date.now(),
  });
  const tokens: string[] = [];
  for (let i = 0; i < devices; i++) {
    const token = newToken();
    await insertSession(db, {
      id: randomUUID(),
      memberId: id,
      tokenHash: tokenHash(token),
      deviceName: `bench ${i}`,
      now: Date.now(),
    });
    tokens.push(token);
  }
  return { id, tokens };
}

export async function connect(url: string, token: string): Promise<Client> {
  const socket: Client = connectClient(url + SYNC_NAMESPACE, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 120_000,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', err => reject(err));
  });
  return socket;
}

export async function connectMany(url: string, tokens: readonly string[], parallel = 20): Promise<Client[]> {
  const out: Client[] = [];
  for (let i = 0; i < tokens.length; i += parallel)
    out.push(...(await Promise.all(tokens.slice(i, i + parallel).map(t => connect(url, t)))));
  return out;
}

export async function must<K extends CommandName>(
  socket: Client,
  name: K,
  payload: unknown,
): Promise<CommandResult<K>> {
  const emit = socket.timeout(120_000).emitWithAck as (ev: string, p: unknown) => Promise<Reply<CommandResult<K>>>;
  const reply = await emit.call(socket.timeout(120_000), name, payload);
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/**
 * `count` agents, one device each, members of `accountId`: each sees the account's unassigned
 * chats (the workspace default, `agentsSeeUnassigned`), so each socket joins its rooms from its
 * own member's state at connect, as in the product — not 1,000 devices of one admin in `admins`.
 */
export async function agentsOfAccount(db: Db, accountId: string, count: number): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const agent = await memberWithDevices(db, 'agent', 1);
    await addAccountMember(db, accountId, agent.id);
    tokens.push(...agent.tokens);
  }
  return tokens;
}
