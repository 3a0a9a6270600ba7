/**
 * Losing access to the workspace, on an agent's desktop (B) that works on a lead's number
 * hosted by desktop A. Whether B is connected when it happens or closed and started later,
 * the workspace's data leaves B and B says why; a token the server merely does not know
 * (a server restored from an older backup) asks for a new sign-in and keeps the data.
 */
import type { RowDataPacket } from 'mysql2/promise';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { callCore as call, until } from '../../helpers/core';
import type { Stack } from '../server/harness';
import { PASSWORD, must, startNode } from '../server/harness';
import { desktops, leadHostingNumber } from './desktops';

const REMOVED = 'Your access to this workspace was removed.';

let stack: Stack;
let admin: Awaited<ReturnType<Stack['device']>>;
let agent: { id: string; email: string };
let a: Core;
let b: Core;
let bFolder: string;
let chatId: string;
const desks = desktops('access');
afterEach(ctx => desks.printLogsIfFailed(ctx));

beforeAll(async () => {
  let accountId: string;
  ({ stack, admin, a, accountId, chatId } = await leadHostingNumber(desks));
  agent = await stack.member('agent', 'Arif Agent');
  bFolder = desks.folder();
  b = await desks.open(undefined, bFolder);
  await must(admin.socket, 'account:add-member', { accountId, memberId: agent.id });
  await call(a, 'chats:assign', { chatId, assigneeId: agent.id });
}, 120_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await stack?.stop();
  desks.removeAll();
});

async function signInB(): Promise<void> {
  await call(b, 'workspace:signIn', { serverUrl: stack.node.url, email: agent.email, password: PASSWORD });
  await until('the assigned chat on B', async () => (await b.dispatch('chats:get', { chatId }, ctx)).ok);
}

const ctx = { transport: 'internal' } as const;

/** B is signed out, says why, and keeps nothing of the lead's number. */
async function expectWorkspaceDataGone(): Promise<void> {
  const s = await until('B signed out', async () => {
    const st = await call(b, 'workspace:status', {});
    return st.connection === 'signed_out' && st;
  });
  expect(s.lastError).toBe(REMOVED);
  expect((await b.dispatch('chats:get', { chatId }, ctx)).ok).toBe(false);
  expect((await call(b, 'accounts:list', {})).filter(x => x.remote)).toEqual([]);
}

it('an admin signing the device out removes the workspace’s data from it at once', async () => {
  await signInB();
  await must(admin.socket, 'session:revoke', { sessionId: await currentSessionOfAgent() });
  await expectWorkspaceDataGone();
});

it('deactivated while the desktop was closed: on its next start it learns so and drops the data', async () => {
  await signInB();
  await b.close();
  await must(admin.socket, 'member:update', { memberId: agent.id, active: false });
  b = await desks.open(undefined, bFolder);
  // The access:revoked fact is in the log, but a refused token cannot pull it: the refusal says it.
  await expectWorkspaceDataGone();
});

it('reactivated, the member signs in on that desktop again: the old revoke is not replayed on it', async () => {
  await must(admin.socket, 'member:update', { memberId: agent.id, active: true });
  await must(admin.socket, 'chat:assign', await assignArgs());
  // The new sign-in pulls the log from the start; the access:revoked in it ended older sessions only.
  await signInB();
  const s = await call(b, 'workspace:status', {});
  expect(s.connection).toBe('online');
  expect(s.cursor).toBeGreaterThan(0);
});

it('a token the server does not know asks for a new sign-in and keeps what the desktop has', async () => {
  await signInB();
  // As after restoring the server's database from before this device signed in.
  await stack.node.app.database.raw.query('delete from sessions where id = ?', [await currentSessionOfAgent()]);
  const port = stack.node.port;
  await stack.node.app.close();
  stack.node = await startNode(stack.mariadb.url, { port });
  const s = await until(
    'B refused',
    async () => {
      const st = await call(b, 'workspace:status', {});
      return st.connection === 'unauthorized' && st;
    },
    30_000,
  );
  expect(s.member?.id).toBe(agent.id);
  expect((await b.dispatch('chats:get', { chatId }, ctx)).ok).toBe(true);
}, 60_000);

/** B's session: the agent signs in on B only, and each sign-in opens a new one. */
async function currentSessionOfAgent(): Promise<string> {
  const [rows] = await stack.node.app.database.raw.query<RowDataPacket[]>(
    'select id from sessions where member_id = ? and revoked_at is null',
    [agent.id],
  );
  expect(rows).toHaveLength(1);
  return String(rows[0]!['id']);
}

async function assignArgs(): Promise<{ chatId: string; assigneeId: string; version: number }> {
  const { chat } = await must(admin.socket, 'chat:get', { chatId });
  return { chatId, assigneeId: agent.id, version: chat.version };
}
