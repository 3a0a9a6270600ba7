/**
 * Where the push's time goes on the server: the node's `blazz_push_part_seconds_total{part}`
 * (sync-server/src/handlers/push-laps.ts) read from /metrics before and after the push
 * rounds. The parts of one push run one after another; a device's pushes in flight overlap
 * while one waits for its turn ('turn') and while one inserts ahead ('insert').
 */
import { PUSH_PARTS } from '../../sync-server/src/handlers/push-laps';
import type { PushPart } from '../../sync-server/src/handlers/push-laps';

export type PartSeconds = Record<PushPart, number>;

export async function readPushParts(url: string): Promise<PartSeconds> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const out = Object.fromEntries(PUSH_PARTS.map(p => [p, 0])) as PartSeconds;
  for (const line of text.split('\n')) {
    const m = /^blazz_push_part_seconds_total\{part="(\w+)"\} ([\d.e+-]+)$/.exec(line);
    if (m && (PUSH_PARTS as readonly string[]).includes(m[1]!)) out[m[1] as PushPart] = Number(m[2]);
  }
  return out;
}

/**
 * "insert 31.2 ms (28 %), ..." per batch, largest first, then the wait for the turn and the
 * wall time per batch. A device's next push runs its 'insert' ahead, while this one runs its
 * later parts, so the parts may add up to more than the wall time.
 */
export function describeParts(before: PartSeconds, after: PartSeconds, batches: number, wallSeconds: number): string {
  const per = PUSH_PARTS.map(p => [p, ((after[p] - before[p]) * 1000) / batches] as const);
  const total = per.reduce((n, [p, ms]) => (p === 'turn' ? n : n + ms), 0);
  return per
    .filter(([p]) => p !== 'turn')
    .sort((a, b) => b[1] - a[1])
    .map(([p, ms]) => `${p} ${ms.toFixed(1)} ms (${Math.round((ms / total) * 100)} %)`)
    .concat(`waiting for the turn ${per.find(([p]) => p === 'turn')![1].toFixed(1)} ms`)
    .concat(`wall time per batch ${((wallSeconds * 1000) / batches).toFixed(1)} ms`)
    .join(', ');
}
