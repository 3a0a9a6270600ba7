/**
 * sync.assign_to_visible.p95_ms: a lead assigns a chat (chat:assign from the lead's
 * client) → the agent's desktop (a headless host process) gets chat:granted, stores it,
 * tells its renderer, and the chat's row is painted in Chromium. Measured per sample from
 * just before the command is sent to the animation frame after the row is in the DOM.
 * Baseline, same samples: the server's fan-out alone, i.e. until a plain socket.io client
 * signed in as the same agent receives chat:granted.
 */
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { chromium } from '@playwright/test';
import { HOST_BRIDGE_PATH, IPC_INVOKE_CHANNEL } from '../../common/ipc';
import type { Reply } from '../../common/result';
import type { WorkspaceStatus } from '../../common/api/workspace';
import type { SyncEvent } from '../../common/protocol';
import { CHROMIUM_PATH } from '../../playwright.config';
import type { Db } from '../../sync-server/src/db/index';
import type { BenchResult } from '../types';
import type { Client } from '../server/setup';
import { connect, must, percentile } from '../server/setup';
import { startHostProcess } from '../host-process';
import { PASSWORD, hostWithChats, member, waitFor, wallNow } from './setup';

const ACCOUNT = 'bench-assign';

type Ctx = { url: string; db: Db; samples: number; workDir: string; log: (s: string) => void };

function bridge(port: number, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const s = io(`http://127.0.0.1:${port}`, {
      path: HOST_BRIDGE_PATH,
      auth: { token },
      transports: ['websocket'],
      forceNew: true,
    });
    s.once('connect', () => resolve(s));
    s.once('connect_error', err => reject(err));
  });
}

async function invoke<T>(s: Socket, name: string, args: unknown): Promise<T> {
  const reply = (await s.timeout(30_000).emitWithAck(IPC_INVOKE_CHANNEL, name, args)) as Reply<T>;
  if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

/** Resolves with the wall time at which `socket` received chat:granted for `chatId`. */
function grantedAt(socket: Client, chatId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no chat:granted for ${chatId} in 30 s`)), 30_000);
    const on = (facts: SyncEvent[]) => {
      if (!facts.some(ev => ev.type === 'chat:granted' && ev.chat.id === chatId)) return;
      clearTimeout(timer);
      socket.off('sync:facts', on);
      resolve(wallNow());
    };
    socket.on('sync:facts', on);
  });
}

export async function assignToVisible(ctx: Ctx): Promise<BenchResult> {
  const { url, db, samples, log } = ctx;
  const WARM_UP = 3;
  const total = samples + WARM_UP;
  const admin = await member(db, 'admin', 'Bench Admin');
  const lead = await member(db, 'lead', 'Bench Lead');
  const agent = await member(db, 'agent', 'Bench Agent');
  const adminSocket = await connect(url, admin.token);
  // Agents see only their own chats: a chat appears on the agent's desktop because it was assigned.
  await must(adminSocket, 'settings:update', { agentsSeeUnassigned: false });
  const host = await hostWithChats(url, lead, ACCOUNT, total);
  await must(adminSocket, 'account:add-member', { accountId: ACCOUNT, memberId: agent.id });
  const raw = await connect(url, agent.token);

  const dataDir = join(ctx.workDir, 'agent-desktop');
  mkdirSync(dataDir, { recursive: true });
  const desktop = await startHostProcess(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const b = await bridge(desktop.port, desktop.token);
  try {
    await invoke(b, 'workspace:signIn', {
      serverUrl: url,
      email: agent.email,
      password: PASSWORD,
      deviceName: 'bench',
    });
    await waitFor('agent desktop online', async () => {
      const s = await invoke<WorkspaceStatus>(b, 'workspace:status', {});
      return s.connection === 'online';
    });
    // The chat list is virtual: only rows in view exist. Tall enough that every assigned
    // chat's row is painted where the observer can see it (rows are under 80 px).
    const page = await browser.newPage({ viewport: { width: 1280, height: Math.max(800, (total + 4) * 80) } });
    await page.addInitScript('window.__name = function (f) { return f; }');
    await page.goto(desktop.url);
    await page.getByRole('heading', { name: 'Blazz Desk', exact: true }).waitFor();

    const ui: number[] = [];
    const fanout: number[] = [];
    for (let i = 0; i < total; i++) {
      const chatId = host.chatIds[i]!;
      const { chat } = await must(host.socket, 'chat:get', { chatId });
      // Armed before the command: resolves with the wall time of the frame after the row appears.
      await page.evaluate(name => {
        const w = window as unknown as { __row?: Promise<number> };
        w.__row = new Promise<number>((resolve, reject) => {
          const find = () => document.querySelector(`[role="option"][aria-label^="${CSS.escape(name)},"]`);
          const done = () => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
          if (find()) {
            done();
            return;
          }
          const obs = new MutationObserver(() => {
            if (!find()) return;
            obs.disconnect();
            done();
          });
          obs.observe(document.body, { childList: true, subtree: true, attributes: true });
          setTimeout(() => {
            obs.disconnect();
            reject(new Error(`row ${name} not shown in 30 s`));
          }, 30_000);
        });
      }, `Bench customer ${i}`);
      const granted = grantedAt(raw, chatId);
      const t0 = wallNow();
      await must(host.socket, 'chat:assign', { chatId, assigneeId: agent.id, version: chat.version });
      const shownAt = await page.evaluate(() => (window as unknown as { __row: Promise<number> }).__row);
      const fanoutAt = await granted;
      if (i >= WARM_UP) {
        ui.push(shownAt - t0);
        fanout.push(fanoutAt - t0);
      }
    }
    const value = percentile(ui, 95);
    const baseline = percentile(fanout, 95);
    log(`assign → row painted: p50 ${percentile(ui, 50).toFixed(1)} ms, p95 ${value.toFixed(1)} ms`);
    log(
      `assign → raw client has chat:granted: p50 ${percentile(fanout, 50).toFixed(1)} ms, p95 ${baseline.toFixed(1)} ms`,
    );
    return {
      id: 'sync.assign_to_visible.p95_ms',
      value,
      unit: 'ms',
      baseline,
      ratio: value / baseline,
      target: '<= 300',
      scale: { assignments: samples },
      note: `${samples} assignments (after ${WARM_UP} warm-up); baseline = the server's fan-out alone (assign → a plain socket.io client of the same agent has chat:granted); p50 ${percentile(ui, 50).toFixed(1)} vs ${percentile(fanout, 50).toFixed(1)} ms`,
    };
  } finally {
    b.close();
    raw.disconnect();
    host.socket.disconnect();
    adminSocket.disconnect();
    await browser.close();
    await desktop.stop();
  }
}
