/**
 * Seeded randomness for the simulator: the same seed and index always give the same
 * value, so a conversation can be regenerated (and caught up) without being stored.
 */
import { mulberry32 } from '../../../../common/seeded-random';

/** A 32-bit hash of numbers and strings (FNV-1a over their text). */
export function hashOf(...parts: ReadonlyArray<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const text = `${part}|`;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
  }
  return h >>> 0;
}

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
};

/** Seeded by a hash of the parts: the same parts always give the same values. */
export function rngOf(...seedParts: ReadonlyArray<number | string>): Rng {
  const next = mulberry32(hashOf(...seedParts));
  const int = (max: number): number => Math.floor(next() * max);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(items.length)] as T;
    },
    chance: p => next() < p,
  };
}
