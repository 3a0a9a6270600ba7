/** Median, 90th percentile and the shared histogram of durations (nearest-rank percentiles). */
import { REPORT_BUCKET_BOUNDS_MS } from '../../../common/protocol-reports';

export type DurationStats = {
  count: number;
  medianMs: number | null;
  p90Ms: number | null;
  histogram: number[];
};

/** Nearest rank: the smallest sample with at least p of the samples at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

/**
 * percentile() of a[lo, hi) without sorting it: the same nearest-rank sample, found by
 * selection (quickselect, average linear time), rearranging that part of `a`.
 */
export function selectPercentile(a: Float64Array, p: number, lo = 0, hi = a.length): number | null {
  const n = hi - lo;
  if (n <= 0) return null;
  const k = lo + Math.max(1, Math.ceil(p * n)) - 1;
  let l = lo;
  let r = hi - 1;
  while (r > l) {
    const pivot = a[(l + r) >> 1]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    // a[l..j] ≤ pivot ≤ a[i..r], and everything between equals the pivot.
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** Ascending copy: a typed array sorts numbers natively, several times faster than a compare callback. */
const sortedCopy = (samples: readonly number[]): Float64Array => Float64Array.from(samples).sort();

export function medianOf(samples: readonly number[]): number | null {
  return percentile(sortedCopy(samples), 0.5);
}

export function bucketIndex(ms: number): number {
  const i = REPORT_BUCKET_BOUNDS_MS.findIndex(bound => ms < bound);
  return i === -1 ? REPORT_BUCKET_BOUNDS_MS.length : i;
}

export function durationStats(samples: readonly number[]): DurationStats {
  const sorted = sortedCopy(samples);
  const histogram = new Array<number>(REPORT_BUCKET_BOUNDS_MS.length + 1).fill(0);
  for (const s of sorted) histogram[bucketIndex(s)]! += 1;
  return { count: sorted.length, medianMs: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9), histogram };
}
