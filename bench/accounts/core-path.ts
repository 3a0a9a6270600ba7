/**
 * The desktop's ingest path end to end, as it runs in the app: the built core process
 * (dist/core/child.mjs, its real SQLite store and ingest sink, account processes of its own)
 * started by a stand-in for Electron's main (tests/helpers/core-process.ts, main's own link
 * code), and a renderer client (the preload's channel client) subscribed to the facts.
 * Five simulated numbers import their history while live messages keep arriving.
 *
 * Measured in one run:
 *  - accounts.history_import.msgs_per_s: history messages reaching the renderer as
 *    `messages:received`, first to last;
 *  - accounts.ingest_to_event.p95_ms: a live message's due time in its account process →
 *    its `messages:received` at the renderer client, while the import runs;
 *  - renderer.ipc_roundtrip_p99_ms: `app:ping` from the renderer client, one after another;
 *  - main.event_loop_delay.p99_ms: the loop of the process playing Electron's main (window,
 *    tray, and here also the relay of the renderer channel, which Electron gives a port of
 *    its own, so this is an upper bound).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Account, Message } from '../../common/domain';
import { buildCoreProcess, startCoreProcess } from '../../tests/helpers/core-process';
import type { BenchOptions, BenchResult } from '../types';
import type { Arrival, PartFigures } from './live-parts';
import { arrivalKey, describeParts, liveParts } from './live-parts';
import { percentile, until } from './setup';

const ACCOUNTS = 5;

type Progress = {
  history: number;
  firstHistoryAt: number;
  lastHistoryAt: number;
  live: number[];
  pings: number[];
  /** Live messages after the import, when only live traffic remains. */
  settled: number[];
  /**
   * Messages due after a number was added but before it was linked (ready): no live
   * delivery exists yet, so they come with the history sync, after the older history.
   */
  beforeReady: number[];
  /** Due time and arrival of each live message, for the per-part breakdown (live-parts.ts). */
  liveArrivals: Map<string, Arrival>;
  settledArrivals: Map<string, Arrival>;
};

export async function corePath(opts: BenchOptions): Promise<BenchResult[]> {
  const perAccount = opts.scale === 'full' ? 40_000 : 4_000;
  const total = ACCOUNTS * perAccount;
  buildCoreProcess();
  const tracePath = join(opts.workDir, `live-trace-${Date.now()}.jsonl`);
  const main = startCoreProcess({
    simulator: { qrScanDelayMs: 50, chatterIntervalMs: 250, history: perAccount, chats: 40 },
    liveTrace: tracePath,
  });
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const p: Progress = {
    history: 0,
    firstHistoryAt: 0,
    lastHistoryAt: 0,
    live: [],
    pings: [],
    settled: [],
    beforeReady: [],
    liveArrivals: new Map(),
    settledArrivals: new Map(),
  };
  // Once the import is over: live messages due from then on (not the backlog of the import).
  let importDoneAt = Number.POSITIVE_INFINITY;
  try {
    await main.ready;
    // The first call opens the renderer channel; facts flow on it from then on.
    const ping = await main.client.invoke('app:ping', { echo: 'open' });
    if (!ping.ok) throw new Error('the core process did not answer app:ping');
    const createdAt = new Map<string, number>();
    // When each number was first ready: live delivery starts there.
    const readyAt = new Map<string, number>();
    main.client.subscribe('accounts:changed', payload => {
      for (const a of (payload as { accounts: readonly Account[] }).accounts)
        if (a.state === 'ready' && !readyAt.has(a.id)) readyAt.set(a.id, Date.now());
    });
    main.client.subscribe('messages:received', payload => {
      const now = Date.now();
      for (const m of (payload as { messages: readonly Message[] }).messages) {
        const epoch = createdAt.get(m.accountId);
        if (epoch === undefined) continue;
        if (m.timestamp < epoch) {
          p.history += 1;
          p.firstHistoryAt ||= now;
          p.lastHistoryAt = now;
        } else if (m.fromMe) continue;
        else if (m.timestamp < (readyAt.get(m.accountId) ?? Number.POSITIVE_INFINITY))
          p.beforeReady.push(now - m.timestamp);
        else if (m.timestamp > importDoneAt) {
          p.settled.push(now - m.timestamp);
          p.settledArrivals.set(arrivalKey(m.accountId, m.providerMessageId), { due: m.timestamp, at: now });
        } else {
          p.live.push(now - m.timestamp);
          p.liveArrivals.set(arrivalKey(m.accountId, m.providerMessageId), { due: m.timestamp, at: now });
        }
      }
    });
    loop.enable();
    for (let i = 0; i < ACCOUNTS; i++) {
      const added = await main.client.invoke('accounts:add', { provider: 'simulator', name: `Import ${i}` });
      if (!added.ok) throw new Error(`accounts:add failed: ${JSON.stringify(added.error)}`);
      const account = added.value as Account;
      createdAt.set(account.id, account.createdAt);
    }
    let importing = true;
    const pinger = (async () => {
      while (importing) {
        const t = performance.now();
        await main.client.invoke('app:ping', { echo: 'x' });
        p.pings.push(performance.now() - t);
        await new Promise(r => setTimeout(r, 10));
      }
    })();
    await until('the history import through the core process', () => p.history >= total, 900_000);
    importing = false;
    await pinger;
    loop.disable();
    importDoneAt = Date.now();
    await until('live messages after the import', () => p.settled.length >= 60, 60_000);
  } finally {
    loop.disable();
    main.sendRaw({ t: 'shutdown' });
    await Promise.race([main.exited, new Promise(r => setTimeout(r, 15_000))]);
    if (main.child.exitCode === null && main.child.signalCode === null) main.child.kill('SIGKILL');
  }
  // The core writes the rest of its trace as it exits.
  const seconds = Math.max(0.001, (p.lastHistoryAt - p.firstHistoryAt) / 1000);
  const parts = { live: liveParts(tracePath, p.liveArrivals), settled: liveParts(tracePath, p.settledArrivals) };
  return results(p, loop, total, seconds, parts);
}

function results(
  p: Progress,
  loop: ReturnType<typeof monitorEventLoopDelay>,
  total: number,
  seconds: number,
  parts: { readonly live: PartFigures; readonly settled: PartFigures },
): BenchResult[] {
  const scale = { accounts: ACCOUNTS, messages: total };
  const load = `load average ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`;
  return [
    {
      id: 'accounts.history_import.msgs_per_s',
      value: total / seconds,
      unit: 'msg/s',
      scale,
      note: `${total} history messages from ${ACCOUNTS} simulated numbers through the core process's store and sink to the renderer client, first to last; ${load}`,
    },
    {
      id: 'accounts.ingest_to_event.p95_ms',
      value: percentile(p.live, 95),
      unit: 'ms',
      target: '<= 50',
      scale: { ...scale, live: p.live.length },
      note: `${p.live.length} live messages during the import (due after their number was ready), from their due time in the account process to messages:received at the renderer client; median ${percentile(p.live, 50).toFixed(0)} ms. Not counted: ${p.beforeReady.length} messages due while their number was linking, which arrive with the history sync after the older history (p95 ${percentile(p.beforeReady, 95).toFixed(0)} ms); ${describeParts(parts.live)}; ${load}`,
    },
    {
      id: 'accounts.ingest_to_event_settled.p95_ms',
      value: percentile(p.settled, 95),
      unit: 'ms',
      target: '<= 50',
      scale: { accounts: ACCOUNTS, live: p.settled.length },
      note: `the same path for ${p.settled.length} live messages due after the import was over; median ${percentile(p.settled, 50).toFixed(0)} ms; ${describeParts(parts.settled)}`,
    },
    {
      id: 'renderer.ipc_roundtrip_p99_ms',
      value: percentile(p.pings, 99),
      unit: 'ms',
      target: '<= 50',
      scale: { ...scale, calls: p.pings.length },
      note: `${p.pings.length} app:ping calls from the renderer client during the import, one after another; median ${percentile(p.pings, 50).toFixed(1)} ms`,
    },
    {
      id: 'main.event_loop_delay.p99_ms',
      value: loop.percentile(99) / 1e6,
      unit: 'ms',
      target: '<= 50',
      scale,
      note: "the loop of the process playing Electron's main while the core process imports (it relays the renderer channel here, which Electron does not)",
    },
  ];
}
