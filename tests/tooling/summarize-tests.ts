// Adds up every suite of `npm test` into the one closing line CI reads (the LAST line of
// the run): `N passed, N failed, N skipped`. How each test counts: test-counts.ts.
//   node --import tsx tests/tooling/summarize-tests.ts [results-dir]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  addTallies,
  countChecks,
  countPlaywright,
  countReport,
  countVitest,
  playwrightReport,
  totalLine,
  vitestReport,
  type Tally,
} from './test-counts';

const readOrNull = (file: string): string | null => (existsSync(file) ? readFileSync(file, 'utf8') : null);

export function summarize(dir: string): Tally {
  return addTallies(
    countChecks(readOrNull(join(dir, 'checks.txt')) ?? ''),
    countReport('vitest', readOrNull(join(dir, 'vitest-counts.json')), vitestReport, countVitest),
    countReport('playwright', readOrNull(join(dir, 'playwright.json')), playwrightReport, countPlaywright),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tally = summarize(process.argv[2] ?? '.tmp/results');
  if (tally.notes.length > 0) console.log('\nFailures:\n  ' + tally.notes.join('\n  '));
  console.log(`\n${totalLine(tally)}`);
  process.exit(tally.failed > 0 ? 1 : 0);
}
