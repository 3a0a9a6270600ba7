/**
 * The last report loaded for each set of arguments, kept in the settings table so the
 * Reports screen still has figures offline. Bounded (a few ranges: what a lead flips
 * between), keyed by server and member as well as by the arguments, so another sign-in
 * on this device never reads someone else's figures, and dropped with the workspace.
 */
import { z } from 'zod';
import type { ReportsGetArgs, WireReport } from '../../common/protocol-reports';
import { wireReportSchema } from '../../common/protocol-reports';
import type { Store } from '../store';

export const REPORTS_CACHE_KEY = 'workspace.reportsCache';
/** Enough for the presets and a custom range or two, per filter a lead flips between. */
export const REPORTS_CACHE_MAX = 12;

const entrySchema = z.object({ key: z.string(), cachedAt: z.number().int(), report: wireReportSchema });
const storedSchema = z.array(entrySchema);
type Entry = z.output<typeof entrySchema>;

export type ReportsCacheStore = Pick<Store, 'getSetting' | 'setSetting' | 'deleteSetting'>;
export type Viewer = { readonly serverUrl: string; readonly memberId: string };

/** One string per (viewer, arguments); the order of the argument's fields does not matter. */
export function reportCacheKey(viewer: Viewer, args: ReportsGetArgs): string {
  const a: Record<string, string | boolean | undefined> = { ...args };
  const fields = Object.keys(a)
    .filter(k => a[k] !== undefined)
    .sort()
    .map(k => [k, a[k]]);
  return JSON.stringify([viewer.serverUrl, viewer.memberId, fields]);
}

export function createReportsCache(store: ReportsCacheStore, now: () => number = Date.now) {
  /** What was stored; anything unreadable (a hand-edited database, an older shape) counts as nothing. */
  const entries = (): Entry[] => {
    const parsed = storedSchema.safeParse(store.getSetting(REPORTS_CACHE_KEY));
    return parsed.success ? parsed.data : [];
  };
  return {
    get(key: string): { readonly report: WireReport; readonly cachedAt: number } | null {
      const hit = entries().find(e => e.key === key);
      return hit ? { report: hit.report, cachedAt: hit.cachedAt } : null;
    },
    put(key: string, report: WireReport): void {
      const rest = entries().filter(e => e.key !== key);
      // Newest first; the oldest ones go when the cache is full.
      const next = [{ key, cachedAt: now(), report }, ...rest].slice(0, REPORTS_CACHE_MAX);
      store.setSetting(REPORTS_CACHE_KEY, next);
    },
    clear(): void {
      store.deleteSetting(REPORTS_CACHE_KEY);
    },
  };
}
export type ReportsCache = ReturnType<typeof createReportsCache>;
