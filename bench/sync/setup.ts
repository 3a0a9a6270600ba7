/**
 * Shared set-up of the sync benchmark: members that can sign in with a password (the
 * desktop signs in like a user), raw sessions for plain socket.io clients, a host device
 * that registers a simulated account and pushes chats, and the headless host process.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword, newToken, tokenHash } from '../../sync-server/src/auth/crypto';
import type { Db } from '../../sync-server/src/db/index';
import { insertMember, insertSession } from '../../sync-server/src/db/repositories/members';
import type { Client } from '../server/setup';
import { connect, must } from '../server/setup';

export const PASSWORD = 'bench password 0123';
let hash: string | undefined;

export type BenchMember = { id: string; email: string; token: string };

/** A member with a real password (for the desktop's sign-in) and one ready session token (for raw clients). */
export async function member(db: Db, role: 'admin' | 'lead' | 'agent', name: string): Promise<BenchMember> {
  hash ??= await hashPassword(PASSWORD);
  const id = randomUUID();
  const email = `${role}-${id.slice(0, 8)}@bench.test`;
  await insertMember(db, { id, email, name, role, passwordHash: hash, now: Date.now() });
  return { id, email, token: await session(db, id) };
}

export async function session(db: Db, memberId: string): Promise<string> {
  const token = newToken();
  await insertSession(db, {
    id: randomUUID(),
    memberId,
    tokenHash: tokenHash(token),
    deviceName: 'bench',
    now: Date.now(),
  });
  return token;
}

export const jidOf = (i: number) => `62${String(i).padStart(9, '0')}@c.us`;
let counter = 0;

/** One incoming text message for chat `i` (ids unique within the run). */
export const messageFor = (accountId: string, i: number, timestamp: number, body: string) => ({
  accountId,
  chatJid: jidOf(i),
  providerMessageId: `sync-bench-${++counter}`,
  fromMe: false,
  type: 'text',
  body,
  timestamp,
});

/**
 * A host device (raw client) that registers `accountId` and pushes `chats` chats with one
 * message each; chat i's message is newer than chat i-1's, so each newly visible chat
 * lands at the top of an inbox sorted by activity.
 */
export async function hostWithChats(
  url: string,
  host: BenchMember,
  accountId: string,
  chats: number,
): Promise<{ socket: Client; chatIds: string[] }> {
  const socket = await connect(url, host.token);
  await must(socket, 'account:register', { accountId, name: `Bench ${accountId}`, provider: 'simulator' });
  const base = Date.now() - 3_600_000;
  for (let from = 0; from < chats; from += 500) {
    const ids = Array.from({ length: Math.min(500, chats - from) }, (_, k) => from + k);
    await must(socket, 'sync:push', {
      chats: ids.map(i => ({ accountId, jid: jidOf(i), isGroup: false, name: `Bench customer ${i}` })),
      messages: ids.map(i => messageFor(accountId, i, base + i * 1_000, `Hello from customer ${i}`)),
    });
  }
  return { socket, chatIds: Array.from({ length: chats }, (_, i) => `${accountId}:${jidOf(i)}`) };
}

/** Polls until `probe` is truthy; fails with `what` after `ms`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | false | null | undefined>,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 50));
  }
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export const wallNow = () => performance.timeOrigin + performance.now();
