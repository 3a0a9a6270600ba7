/**
 * The core's relay of the reports commands: a report that arrives is kept per viewer and
 * arguments; when the server cannot be reached the kept copy comes back marked stale with
 * its age; a refusal from a server that did answer is never hidden behind the copy.
 */
import { describe, expect, it } from 'vitest';
import type { WorkspaceStatus } from '../../../common/api/workspace';
import type { ReportsGetArgs, WireReport } from '../../../common/protocol-reports';
import { reportsGetSchema } from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import { reportsHandlers } from '../../../main/core/handlers/reports';
import type { JsonValue, Store } from '../../../main/store';
import { forgetWorkspaceData } from '../../../main/sync/record';
import type { ReportsCacheStore } from '../../../main/sync/reports-cache';
import { REPORTS_CACHE_KEY, REPORTS_CACHE_MAX, createReportsCache } from '../../../main/sync/reports-cache';
import { REPLIES } from '../sync/wire-replies';

const SAMPLE = REPLIES['reports:get'];
const LEAD = '00000000-0000-4000-8000-0000000000b2';

/** The settings table as JSON text, the way SQLite keeps it. */
function memoryStore(): ReportsCacheStore & { raw: Map<string, string> } {
  const raw = new Map<string, string>();
  return {
    raw,
    getSetting: (k: string) => (raw.has(k) ? (JSON.parse(raw.get(k)!) as JsonValue) : undefined),
    setSetting: (k: string, v: JsonValue) => void raw.set(k, JSON.stringify(v)),
    deleteSetting: (k: string) => void raw.delete(k),
  };
}

type Answer = WireReport | CommandError;

function rig(memberId = LEAD) {
  const store = memoryStore();
  let clock = 1_000_000;
  const cache = createReportsCache(store, () => clock);
  const link = { connection: 'online' as WorkspaceStatus['connection'], answer: SAMPLE as Answer, memberId };
  const sync = {
    status: () =>
      ({
        connection: link.connection,
        serverUrl: 'https://desk.example',
        member: { id: link.memberId, name: 'Lina', email: 'l@example.test', role: 'lead' },
      }) as WorkspaceStatus,
    call: () => (link.answer instanceof CommandError ? Promise.reject(link.answer) : Promise.resolve(link.answer)),
  } as unknown as Parameters<typeof reportsHandlers>[0];
  const run = reportsHandlers(sync, cache)['reports:get'];
  return {
    store,
    link,
    tick: (ms: number) => (clock += ms),
    get: (args: ReportsGetArgs) => run(args, { transport: 'internal' }),
  };
}

const args = (over: Partial<ReportsGetArgs> = {}) =>
  reportsGetSchema.parse({ from: '2026-11-01', to: '2026-11-30', timeZone: 'Asia/Jakarta', ...over });

describe('reports:get relay and offline copy', () => {
  it('online: the server’s report, fresh', async () => {
    const r = rig();
    expect(await r.get(args())).toEqual({ report: SAMPLE, stale: false, cachedAt: null });
  });

  it('offline: the last report for the same arguments, stale, with the time it was kept', async () => {
    const r = rig();
    await r.get(args());
    r.tick(5 * 60_000);
    r.link.connection = 'offline';
    r.link.answer = new CommandError('unavailable', 'not connected');
    expect(await r.get(args())).toEqual({ report: SAMPLE, stale: true, cachedAt: 1_000_000 });
    // A timeout counts as unreachable too, even while the link says online.
    r.link.connection = 'online';
    r.link.answer = new CommandError('timeout', 'no answer');
    expect((await r.get(args())).stale).toBe(true);
  });

  it('offline without a copy for these arguments: the error stays', async () => {
    const r = rig();
    await r.get(args());
    r.link.connection = 'offline';
    r.link.answer = new CommandError('unavailable', 'not connected');
    await expect(r.get(args({ tag: 'vip' }))).rejects.toMatchObject({ code: 'unavailable' });
    await expect(r.get(args({ bucket: 'week' }))).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('a server that answers with a refusal is not hidden behind the copy', async () => {
    const r = rig();
    await r.get(args());
    for (const code of ['forbidden', 'unavailable'] as const) {
      r.link.answer = new CommandError(code, 'no');
      await expect(r.get(args())).rejects.toMatchObject({ code });
    }
  });

  it('another member signed in on this device never reads the first one’s copy', async () => {
    const r = rig();
    await r.get(args());
    r.link.memberId = '00000000-0000-4000-8000-0000000000c3';
    r.link.connection = 'offline';
    r.link.answer = new CommandError('unavailable', 'not connected');
    await expect(r.get(args())).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('keeps only the newest few ranges, and reads an unreadable stored value as none', async () => {
    const r = rig();
    for (let d = 1; d <= REPORTS_CACHE_MAX + 2; d++) {
      r.tick(1);
      await r.get(args({ from: `2026-10-${String(d).padStart(2, '0')}` }));
    }
    const kept = JSON.parse(r.store.raw.get(REPORTS_CACHE_KEY)!) as unknown[];
    expect(kept).toHaveLength(REPORTS_CACHE_MAX);
    r.link.connection = 'offline';
    r.link.answer = new CommandError('unavailable', 'not connected');
    await expect(r.get(args({ from: '2026-10-01' }))).rejects.toMatchObject({ code: 'unavailable' });
    expect((await r.get(args({ from: '2026-10-14' }))).stale).toBe(true);
    r.store.raw.set(REPORTS_CACHE_KEY, JSON.stringify([{ key: 'x', cachedAt: 'soon', report: 1 }]));
    await expect(r.get(args({ from: '2026-10-14' }))).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('signing out (or losing access) drops every kept report', () => {
    const calls: string[] = [];
    const store = new Proxy(
      {},
      {
        get:
          (_t, name) =>
          (...a: unknown[]) =>
            void calls.push(`${String(name)}:${String(a[0])}`),
      },
    ) as Store;
    forgetWorkspaceData(store, 'cursor', []);
    expect(calls).toContain(`deleteSetting:${REPORTS_CACHE_KEY}`);
  });
});
