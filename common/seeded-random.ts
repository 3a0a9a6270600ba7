/**
 * mulberry32: a tiny seeded generator. The same seed always gives the same sequence, so the
 * simulator can regenerate a conversation instead of storing it, and a benchmark's data or a
 * fuzz test's failing run can be built again exactly. Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
