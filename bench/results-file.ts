/**
 * bench/results/latest.json: what every area last measured, and what failed.
 *
 * - Each area has a record: `{ ok: true, …, seconds }` or `{ ok: false, error: {code, message} }`,
 *   so a failed area is in the file instead of silently missing from it.
 * - Each result carries its `scale` (messages in the store, accounts, sessions…) and its area.
 * - A full run replaces the file; an `--only <area>` run replaces that area's record and
 *   results and keeps every other area's. A file that cannot be read as results is never
 *   overwritten by an `--only` run: it goes to `only-<area>.json` beside it instead.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const benchScale = z.record(z.string(), z.number().nonnegative());

export const benchResult = z.object({
  id: z.string().min(1),
  value: z.number(),
  unit: z.string(),
  baseline: z.number().optional(),
  ratio: z.number().optional(),
  target: z.string().optional(),
  note: z.string().optional(),
  scale: benchScale,
});

const areaCommon = {
  /** 'full' (the issues' sizes) or 'quick' (a smoke run) */
  run: z.enum(['full', 'quick']),
  at: z.string(),
  seconds: z.number().nonnegative(),
};
export const areaRecord = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), ...areaCommon }),
  z.object({ ok: z.literal(false), ...areaCommon, error: z.object({ code: z.string(), message: z.string() }) }),
]);

export const benchFile = z.object({
  at: z.string(),
  machine: z.object({ cpus: z.number().int().positive() }),
  areas: z.record(z.string(), areaRecord),
  results: z.array(benchResult.extend({ area: z.string() })),
});

export type BenchFile = z.infer<typeof benchFile>;
export type AreaRecord = z.infer<typeof areaRecord>;
export type StoredResult = BenchFile['results'][number];

/** What one area's run produced, as bench/index.ts hands it to the writer. */
export type AreaOutcome = {
  readonly area: string;
  readonly record: AreaRecord;
  readonly results: readonly StoredResult[];
};

/** A thrown value as data: the error's own code when it has one (ECONNREFUSED, …). */
export function describeError(err: unknown): { code: string; message: string } {
  if (err instanceof Error) {
    const own = (err as { code?: unknown }).code;
    const code = typeof own === 'string' && own !== '' ? own : err.name;
    return { code, message: err.message.slice(0, 2_000) };
  }
  return { code: 'non_error_thrown', message: String(err).slice(0, 2_000) };
}

/** The file after this run: a full run alone, or an `--only` run merged into `previous`. */
export function mergeRun(
  previous: BenchFile | null,
  outcomes: readonly AreaOutcome[],
  meta: { at: string; cpus: number },
): BenchFile {
  const ran = new Set(outcomes.map(o => o.area));
  const kept = previous ?? { areas: {}, results: [] };
  const areas: Record<string, AreaRecord> = Object.fromEntries(
    Object.entries(kept.areas).filter(([area]) => !ran.has(area)),
  );
  for (const o of outcomes) areas[o.area] = o.record;
  return {
    at: meta.at,
    machine: { cpus: meta.cpus },
    areas,
    results: [...kept.results.filter(r => !ran.has(r.area)), ...outcomes.flatMap(o => o.results)],
  };
}

type Read = { ok: true; value: BenchFile | null } | { ok: false; error: string };

export function readResultsFile(file: string): Read {
  if (!existsSync(file)) return { ok: true, value: null };
  try {
    const parsed = benchFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: 'not a results file' };
  } catch {
    return { ok: false, error: 'not JSON' };
  }
}

/**
 * Writes this run's outcomes. `only` = the area named by `--only`, or null for a full run.
 * Returns the path written.
 */
export function writeResults(
  dir: string,
  outcomes: readonly AreaOutcome[],
  only: string | null,
  meta: { at: string; cpus: number },
): string {
  mkdirSync(dir, { recursive: true });
  const latest = join(dir, 'latest.json');
  let target = latest;
  let previous: BenchFile | null = null;
  if (only !== null) {
    const read = readResultsFile(latest);
    if (read.ok) previous = read.value;
    else target = join(dir, `only-${only}.json`);
  }
  writeFileSync(target, JSON.stringify(mergeRun(previous, outcomes, meta), null, 2) + '\n');
  return target;
}
