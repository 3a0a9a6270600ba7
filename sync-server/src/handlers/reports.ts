/**
 * `reports:get` and `reports:conversations` (common/protocol-reports.ts): admins report on
 * every number, leads on the numbers they lead (another number named in the filter is
 * 'forbidden'), agents on none. The figures are computed in sync-server/src/reports/ from a
 * dataset kept a minute per (filters, numbers the caller sees): see docs/reports.md.
 */
import type {
  ReportsConversationsArgs,
  ReportsGetArgs,
  WireReport,
  WireReportConversationsPage,
} from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import { anyDirtyChat, backfillPending } from '../db/repositories/report-tables';
import { reportBusinessHours } from '../db/repositories/reports';
import { allAccountIds } from '../db/repositories/workspace';
import { indexedReport } from '../reports/aggregate';
import { ttlCache } from '../reports/cache';
import { conversationIndex } from '../reports/conversation-index';
import type { Dataset } from '../reports/dataset';
import { loadDataset } from '../reports/dataset';
import { reportOf } from '../reports/figures';
import { conversationsPage } from '../reports/page';
import type { RecutRange } from '../reports/recut';
import { recutChanged } from '../reports/recut';
import { changedInIndex } from '../reports/indexed';
import { loadStoredDataset } from '../reports/stored';
import { storedConversationsPage } from '../reports/stored-page';
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
  const recuts = ttlCache<RecutRange | null>(() => Date.now());
  const raw = services.database.raw;
  // Every stored conversation, in this process, brought up to date before each range is cut.
  const index = conversationIndex(raw);

  /** Whether the report tables hold every change: no backfill left, and the live queue drained. */
  async function tablesCurrent(worker: WorkLoop): Promise<boolean> {
    if (await backfillPending(raw)) return false;
    // This process's worker unqueues its chats before it commits their rows: a round in flight
    // is waited for, or an empty queue would not mean the rows (and their versions) are there.
    await worker.roundDone();
    if (!(await anyDirtyChat(raw))) return true;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([worker.idle(), new Promise<void>(r => (timer = setTimeout(r, QUEUE_WAIT_MS)))]);
    clearTimeout(timer);
    return !(await anyDirtyChat(raw));
  }

  /**
   * The range read from the report tables, with its chats cut again as at its end; null while
   * they are not current (the dataset path then). Kept as long as the range's report.
   */
  function tablesRange(scope: string[], args: Filter): Promise<RecutRange | null> {
    const worker = reportTables;
    if (!worker) return Promise.resolve(null);
    const zone = zoneOf(args.from, args.to, args.timeZone);
    const [start, end] = [rangeStart(zone), rangeEnd(zone)];
    return recuts.get(JSON.stringify([start, end, scope]), async () => {
      if (!(await tablesCurrent(worker))) return null;
      await index.refresh();
      return recutChanged(raw, changedInIndex(index, scope, start, end), start, end, Date.now());
    });
  }

  /** Open time ("business hours only" on a number that has hours) is measured in TypeScript. */
  async function openTime(scope: string[], args: { businessHours: boolean }): Promise<boolean> {
    return args.businessHours && (await reportBusinessHours(raw, scope)).size > 0;
  }

  /** A report without a member or tag filter: aggregated in SQL when the tables are current. */
  async function report(caller: Caller, args: ReportsGetArgs): Promise<WireReport> {
    requireCapability(caller, 'reports.read');
    const scope = await scopeOf(caller, args.accountId);
    const key = JSON.stringify([args.from, args.to, args.timeZone, args.bucket, args.businessHours, scope]);
    return reports.get(key, async () => {
      const range = (await openTime(scope, args)) ? null : await tablesRange(scope, args);
      if (range) return indexedReport(raw, index, scope, args, range, Date.now());
      return reportOf(await dataset(caller, args), args);
    });
  }

  /** The conversation list without a member or tag filter: paged in SQL when the tables are current. */
  async function page(caller: Caller, args: ReportsConversationsArgs): Promise<WireReportConversationsPage> {
    requireCapability(caller, 'reports.read');
    const scope = await scopeOf(caller, args.accountId);
    const range = await tablesRange(scope, args);
    if (range) return storedConversationsPage(raw, scope, args, range, Date.now());
    return conversationsPage(await dataset(caller, args), args);
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
    'reports:conversations': async (caller, args) => {
      const simple = args.memberId === undefined && args.tag === undefined;
      return simple ? page(caller, args) : conversationsPage(await dataset(caller, args), args);
    },
  };
}
