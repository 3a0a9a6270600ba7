/**
 * `npm run bench`: runs every bench/<area>.bench.ts, prints a table and writes
 * bench/results/latest.json as { results: [{ id, value, unit, baseline?, ratio? }] }.
 * `--quick` uses small sizes (a smoke run); `--only <area>` runs one area.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchModule, BenchResult } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const scale = argv.includes('--quick') ? 'quick' : 'full';
const onlyIdx = argv.indexOf('--only');
const only = onlyIdx >= 0 ? argv[onlyIdx + 1] : undefined;

const files = readdirSync(here)
  .filter(f => f.endsWith('.bench.ts'))
  .filter(f => !only || f === `${only}.bench.ts`)
  .sort();

const results: BenchResult[] = [];
const failures: string[] = [];
for (const file of files) {
  const workDir = mkdtempSync(join(tmpdir(), `blazz-bench-${file.replace('.bench.ts', '')}-`));
  const started = Date.now();
  console.log(`▶ ${file} (${scale})`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as BenchModule;
    const got = await mod.run({ scale, workDir });
    results.push(...got);
    console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    failures.push(file);
    console.error(`  ✗ ${file} failed:`, err);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const fmt = (n: number | undefined) =>
  n === undefined ? '' : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 1 ? n.toFixed(2) : n.toFixed(4);
const rows = results.map(r => [r.id, fmt(r.value), r.unit, fmt(r.baseline), fmt(r.ratio), r.target ?? '']);
const header = ['id', 'value', 'unit', 'baseline', 'ratio', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log('\n' + line(header));
console.log(widths.map(w => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));

mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(
  join(here, 'results', 'latest.json'),
  JSON.stringify(
    { scale, at: new Date().toISOString(), machine: { cpus: (await import('node:os')).cpus().length }, results },
    null,
    2,
  ) + '\n',
);
console.log(`\nwrote bench/results/latest.json (${results.length} results)`);
if (failures.length) {
  console.error(`failed: ${failures.join(', ')}`);
  process.exitCode = 1;
}
