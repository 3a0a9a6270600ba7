/**
 * The ids a relay performed recently, the oldest forgotten past `limit`. A relay remembers
 * what it did so that a redelivery in the same run is not performed twice; the server
 * redelivers only until the outcome is reported, so the newest ids are the ones that
 * matter, and a desktop that runs for weeks must not keep every id it ever relayed.
 */
export type RecentIds = {
  has(id: string): boolean;
  add(id: string): void;
  delete(id: string): void;
  readonly size: number;
};

export function recentIds(limit = 10_000): RecentIds {
  const ids = new Set<string>();
  return {
    has: id => ids.has(id),
    add(id) {
      ids.delete(id);
      ids.add(id);
      if (ids.size > limit) {
        const oldest = ids.values().next();
        if (!oldest.done) ids.delete(oldest.value);
      }
    },
    delete: id => void ids.delete(id),
    get size() {
      return ids.size;
    },
  };
}
