/**
 * sync.catchup_10k_events_s: the agent's desktop (a full core, as the app runs it) is
 * closed while the host device pushes messages into the agent's chats, one event per
 * chat per batch, 10,000 events in all. The desktop starts again; measured from the
 * moment it is online until its cursor has reached the last event, i.e. every event
 * pulled, applied to SQLite and the cursor stored. Baseline, same events: a plain
 * socket.io client of the same member pages through them with sync:pull (same page size).
 */
import { join } from 'node:path';
import type { DeskEvents } from '../../common/api';
import type { WorkspaceStatus } from '../../common/api/workspace';
import type { Core } from '../../main/core/core';
import { createCore } from '../../main/core/core';
import { silentLogger } from '../../main/platform/log';
import type { Db } from '../../sync-server/src/db/index';
import type { BenchResult } from '../types';
import { connect, must } from '../server/setup';
import { PASSWORD, hostWithChats, member, messageFor, session, waitFor, wallNow } from './setup';

const ACCOUNT = 'bench-catchup';
/** What the desktop asks per page (main/sync): the baseline uses the same. */
const PAGE = 500;

type Ctx = { url: string; db: Db; chats: number; events: number; workDir: string; log: (s: string) => void };

const ctxInternal = { transport: 'internal' } as const;
async function call<T>(core: Core, name: string, args: unknown): Promise<T> {
  const r = await core.dispatch(name as never, args, ctxInternal);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const desktop = (dataDir: string) =>
  createCore({ dataDir, shell: 'headless', version: 'bench', log: silentLogger, restoreAccounts: false });

export async function catchUp(ctx: Ctx): Promise<BenchResult> {
  const { url, db, chats, events, log } = ctx;
  const rounds = Math.ceil(events / chats);
  const admin = await member(db, 'admin', 'Bench Admin 2');
  const lead = await member(db, 'lead', 'Bench Lead 2');
  const agent = await member(db, 'agent', 'Bench Agent 2');
  const adminSocket = await connect(url, admin.token);
  const host = await hostWithChats(url, lead, ACCOUNT, chats);
  const dataDir = join(ctx.workDir, 'catchup-desktop');
  try {
    await must(adminSocket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
    for (const chatId of host.chatIds) {
      const { chat } = await must(host.socket, 'chat:get', { chatId });
      await must(host.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: chat.version });
    }

    // The agent's desktop signs in, gets its chats, and is closed: offline from here on.
    let b = await desktop(dataDir);
    await call(b, 'workspace:signIn', { serverUrl: url, email: agent.email, password: PASSWORD });
    await waitFor('desktop has every chat', async () => {
      const s = await call<WorkspaceStatus>(b, 'workspace:status', {});
      const page = await call<{ items: unknown[] }>(b, 'chats:list', { limit: 200 });
      return s.connection === 'online' && page.items.length === chats;
    });
    const from = (await call<WorkspaceStatus>(b, 'workspace:status', {})).cursor;
    await b.close();

    // 10,000 events while it is away: each batch carries one new message per chat.
    let lastSeq = 0;
    const t = Date.now() - 60_000;
    for (let r = 0; r < rounds; r++) {
      const messages = Array.from({ length: chats }, (_, i) => messageFor(ACCOUNT, i, t + r, `update ${r} for ${i}`));
      const reply = await must(host.socket, 'sync:push', { messages });
      lastSeq = reply.lastSeq ?? lastSeq;
    }
    log(`${rounds * chats} events pushed while the desktop was closed (cursor ${from} → ${lastSeq})`);

    // Back: time from online to the cursor at the last event.
    const startedAt = wallNow();
    b = await desktop(dataDir);
    let onlineAt = 0;
    const caughtUp = new Promise<number>(resolve => {
      b.events.subscribe((name, payload) => {
        if (name !== 'workspace:changed') return;
        const { status } = payload as DeskEvents['workspace:changed'];
        if (status.connection === 'online' && onlineAt === 0) onlineAt = wallNow();
        if (status.cursor >= lastSeq) resolve(wallNow());
      });
    });
    const doneAt = await Promise.race([
      caughtUp,
      // The cursor is announced after every pull; polling only guards against a missed announcement.
      waitFor(
        'desktop caught up',
        async () => (await call<WorkspaceStatus>(b, 'workspace:status', {})).cursor >= lastSeq && wallNow(),
        300_000,
      ),
    ]);
    if (onlineAt === 0) onlineAt = startedAt;
    const seconds = (doneAt - onlineAt) / 1000;
    // Everything is really there: every chat holds its first message plus one per round.
    let stored = 0;
    for (const chatId of host.chatIds)
      stored += (await call<{ messages: unknown[] }>(b, 'messages:list', { chatId, limit: 200 })).messages.length;
    await b.close();
    if (stored !== chats * (rounds + 1))
      throw new Error(`desktop stored ${stored} of ${chats * (rounds + 1)} messages`);

    // Baseline: the same events through a plain client, page by page.
    const raw = await connect(url, await session(db, agent.id));
    let pulled = 0;
    const rawStart = wallNow();
    for (let cursor = from, more = true; more;) {
      const page = await must(raw, 'sync:pull', { cursor, limit: PAGE });
      pulled += page.events.length;
      cursor = page.cursor;
      more = page.hasMore;
    }
    const baseline = (wallNow() - rawStart) / 1000;
    raw.disconnect();
    log(
      `desktop caught up in ${seconds.toFixed(2)} s (${((doneAt - startedAt) / 1000).toFixed(2)} s from start); raw pull ${baseline.toFixed(2)} s`,
    );
    return {
      id: 'sync.catchup_10k_events_s',
      value: seconds,
      unit: 's',
      baseline,
      ratio: seconds / baseline,
      target: '<= 5',
      scale: { events: pulled, chats },
      note: `${pulled} events (one message each, ${chats} chats) from online to cursor at the last event, applied to SQLite; ${((doneAt - startedAt) / 1000).toFixed(2)} s from opening the core; baseline = raw sync:pull of the same events in pages of ${PAGE}`,
    };
  } finally {
    host.socket.disconnect();
    adminSocket.disconnect();
  }
}
