/**
 * `npm run bench`: runs every bench/<area>.bench.ts, prints a table and writes
 * bench/results/latest.json (shape and merge rules: bench/results-file.ts).
 * `--quick` uses small sizes (a smoke run); `--only <area>` runs one area and replaces only
 * that area's record and results in latest.json.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeError, writeResults, type AreaOutcome } from './results-file';
import type { BenchModule } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const scale: 'full' | 'quick' = argv.includes('--quick') ? 'quick' : 'full';
const onlyIdx = argv.indexOf('--only');
const only = onlyIdx >= 0 ? (argv[onlyIdx + 1] ?? '') : null;

const areas = readdirSync(here)
  .filter(f => f.endsWith('.bench.ts'))
  .map(f => f.replace(/\.bench\.ts$/, ''))
  .sort();
if (only !== null && !areas.includes(only)) {
  // Running nothing would still write a file: refuse instead.
  console.error(`--only: unknown area "${only}"; areas: ${areas.join(', ')}`);
  process.exit(2);
}

async function runArea(area: string): Promise<AreaOutcome> {
  const workDir = mkdtempSync(join(tmpdir(), `blazz-bench-${area}-`));
  const started = Date.now();
  const common = () => ({ run: scale, at: new Date(started).toISOString(), seconds: (Date.now() - started) / 1000 });
  console.log(`▶ ${area} (${scale})`);
  try {
    const mod = (await import(pathToFileURL(join(here, `${area}.bench.ts`)).href)) as BenchModule;
    const got = await mod.run({ scale, workDir });
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { area, record: { ok: true, ...common() }, results: got.map(r => ({ ...r, area })) };
  } catch (err) {
    console.error(`  ✗ ${area} failed:`, err);
    return { area, record: { ok: false, ...common(), error: describeError(err) }, results: [] };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const outcomes: AreaOutcome[] = [];
for (const area of areas.filter(a => only === null || a === only)) outcomes.push(await runArea(area));

const results = outcomes.flatMap(o => o.results);
const fmt = (n: number | undefined) =>
  n === undefined ? '' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(4);
const scaleText = (s: Readonly<Record<string, number>>) =>
  Object.entries(s)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
const rows = results.map(r => [
  r.id,
  fmt(r.value),
  r.unit,
  fmt(r.baseline),
  fmt(r.ratio),
  r.target ?? '',
  scaleText(r.scale),
]);
const header = ['id', 'value', 'unit', 'baseline', 'ratio', 'target', 'scale'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log('\n' + line(header));
console.log(widths.map(w => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

const written = writeResults(join(here, 'results'), outcomes, only, {
  at: new Date().toISOString(),
  cpus: cpus().length,
});
console.log(`\nwrote ${written} (${results.length} results${only === null ? '' : `, area ${only} only`})`);
const failures = outcomes.filter(o => !o.record.ok).map(o => o.area);
if (failures.length) {
  console.error(`failed: ${failures.join(', ')}`);
  process.exitCode = 1;
}
