/**
 * Computed datasets kept in this process for a short time: the Reports screen asks for the
 * figures, then pages the conversations behind them, and a lead switching tabs asks again.
 * Keyed by the filters and the caller's visible numbers, so two callers share an entry only
 * when they may see the same thing. Time alone invalidates an entry (REPORT_CACHE_TTL_MS).
 */
import { REPORT_CACHE_MAX_ENTRIES, REPORT_CACHE_TTL_MS } from './definitions';

export type TtlCache<T> = {
  /** The value under key while fresh, else the one compute gives (computed once for concurrent callers). */
  get(key: string, compute: () => Promise<T>): Promise<T>;
};

export function ttlCache<T>(
  clock: () => number,
  ttlMs = REPORT_CACHE_TTL_MS,
  max = REPORT_CACHE_MAX_ENTRIES,
): TtlCache<T> {
  const entries = new Map<string, { at: number; value: Promise<T> }>();
  return {
    get(key, compute) {
      const now = clock();
      const hit = entries.get(key);
      if (hit && now - hit.at < ttlMs) return hit.value;
      entries.delete(key);
      const value = compute();
      entries.set(key, { at: now, value });
      // A failed computation is not kept: the next caller tries again.
      value.catch(() => {
        if (entries.get(key)?.value === value) entries.delete(key);
      });
      // Map order is insertion order: the first key is the oldest computed.
      while (entries.size > max) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
