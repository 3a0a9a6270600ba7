/**
 * `reports:get` and `reports:conversations` (common/protocol-reports.ts): admins report on
 * every number, leads on the numbers they lead (another number named in the filter is
 * 'forbidden'), agents on none. The figures are computed in sync-server/src/reports/ from a
 * dataset kept a minute per (filters, numbers the caller sees): see docs/reports.md.
 */
import type { ReportsGetArgs, WireReport } from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import { anyDirtyChat, backfillPending } from '../db/repositories/report-tables';
import { reportBusinessHours } from '../db/repositories/reports';
import { allAccountIds } from '../db/repositories/workspace';
import { aggregatedReport } from '../reports/aggregate';
import { ttlCache } from '../reports/cache';
import type { Dataset } from '../reports/dataset';
import { loadDataset } from '../reports/dataset';
import { reportOf } from '../reports/figures';
import { conversationsPage } from '../reports/page';
import type { RecutRange } from '../reports/recut';
import { recutRange } from '../reports/recut';
import { loadStoredDataset } from '../reports/stored';
import { rangeEnd, rangeStart, zoneOf } from '../reports/zone';
import type { WorkLoop } from '../work-loop';
import { requireCapability } from './access';
import type { Caller, Services } from './context';
import type { HandlerTable } from './dispatch';

type Filter = Omit<ReportsGetArgs, 'bucket'>;

/** How long a report waits for the report worker to cut the chats changed just before. */
const QUEUE_WAIT_MS = 2_000;

/**
 * reportTables: the worker keeping the report tables current (reports/maintain.ts). Without it,
 * or while its backfill runs, or for a member or tag filter, a report reads the messages.
 */
export function reportsHandlers(
  services: Services,
  reportTables?: WorkLoop,
): Pick<HandlerTable, 'reports:get' | 'reports:conversations'> {
  const cache = ttlCache<Dataset>(() => Date.now());
  const reports = ttlCache<WireReport>(() => Date.now());
  const recuts = ttlCache<RecutRange>(() => Date.now());
  const raw = services.database.raw;

  /** Whether the report tables hold every change: no backfill left, and the live queue drained. */
  async function tablesCurrent(worker: WorkLoop): Promise<boolean> {
    if (await backfillPending(raw)) return false;
    if (!(await anyDirtyChat(raw))) return true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([worker.idle(), new Promise<void>(r => (timer = setTimeout(r, QUEUE_WAIT_MS)))]);
    clearTimeout(timer);
    return !(await anyDirtyChat(raw));
  }

  /** Whether the figures can be aggregated in SQL (docs/reports.md): open time is measured in TypeScript. */
  async function inSql(scope: string[], args: ReportsGetArgs): Promise<boolean> {
    if (args.memberId !== undefined || args.tag !== undefined || !reportTables) return false;
    if (args.businessHours === true && (await reportBusinessHours(raw, scope)).size > 0) return false;
    return tablesCurrent(reportTables);
  }

  /** The range's chats cut again as at its end, kept as long as the range's report. */
  function recutOf(scope: string[], args: Filter): Promise<RecutRange> {
    const zone = zoneOf(args.from, args.to, args.timeZone);
    const key = JSON.stringify([rangeStart(zone), rangeEnd(zone), scope]);
    return recuts.get(key, () => recutRange(raw, scope, rangeStart(zone), rangeEnd(zone), Date.now()));
  }

  async function report(caller: Caller, args: ReportsGetArgs): Promise<WireReport> {
    requireCapability(caller, 'reports.read');
    const scope = await scopeOf(caller, args.accountId);
    const key = JSON.stringify([args.from, args.to, args.timeZone, args.bucket, args.businessHours === true, scope]);
    return reports.get(key, async () => {
      if (await inSql(scope, args)) return aggregatedReport(raw, scope, args, await recutOf(scope, args), Date.now());
      return reportOf(await dataset(caller, args), args);
    });
  }

  async function load(scope: string[], args: Filter): Promise<Dataset> {
    const simple = args.memberId === undefined && args.tag === undefined;
    if (simple && reportTables && (await tablesCurrent(reportTables)))
      return loadStoredDataset(raw, scope, args, Date.now());
    return loadDataset(raw, scope, args, Date.now());
  }

  /** The numbers the report covers: the caller's, narrowed to the one the filter names. */
  async function scopeOf(caller: Caller, accountId: string | undefined): Promise<string[]> {
    if (caller.role === 'admin')
      return accountId === undefined ? (await allAccountIds(services.db)).sort() : [accountId];
    const own = [...caller.viewer.accountIds].sort();
    if (accountId === undefined) return own;
    if (!own.includes(accountId)) throw new CommandError('forbidden', 'you do not lead this number');
    return [accountId];
  }

  async function dataset(caller: Caller, args: Filter): Promise<Dataset> {
    requireCapability(caller, 'reports.read');
    const scope = await scopeOf(caller, args.accountId);
    const key = JSON.stringify([args.from, args.to, args.timeZone, args.memberId ?? null, args.tag ?? null, scope]);
    return cache.get(key, () => load(scope, args));
  }

  return {
    'reports:get': async (caller, args) => {
      const simple = args.memberId === undefined && args.tag === undefined;
      return simple ? report(caller, args) : reportOf(await dataset(caller, args), args);
    },
    'reports:conversations': async (caller, args) => conversationsPage(await dataset(caller, args), args),
  };
}
