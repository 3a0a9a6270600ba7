// Re-records the reporter outputs that tests/unit/tooling/test-counts.test.ts counts, by
// really running the tiny fixture files in tests/tooling/fixtures/ (a few seconds):
//   node --import tsx tests/tooling/record-count-fixtures.ts
// Absolute paths are replaced by <root> so the recordings do not depend on the checkout.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixtures = join(root, 'tests/tooling/fixtures');
const out = join(root, 'tests/unit/tooling/recorded');
const tmp = join(root, '.tmp/count-fixtures');
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });
mkdirSync(out, { recursive: true });

const run = (args: string[], env: Record<string, string>): void => {
  // Fixture runs fail on purpose; only a missing report is an error.
  spawnSync('npx', args, { cwd: root, env: { ...process.env, ...env }, stdio: 'ignore' });
};

const save = (from: string, name: string, pick: (json: Record<string, unknown>) => unknown): void => {
  const json = JSON.parse(readFileSync(from, 'utf8')) as Record<string, unknown>;
  const text = JSON.stringify(pick(json), null, 2).split(root).join('<root>');
  writeFileSync(join(out, name), text + '\n');
  console.log(`recorded ${name}`);
};

const vitestOut = join(tmp, 'vitest-counts.json');
run(
  [
    'vitest',
    'run',
    '--config',
    join(fixtures, 'vitest/vitest.config.ts'),
    '--reporter=default',
    `--reporter=${join(root, 'tests/tooling/vitest-count-reporter.ts')}`,
  ],
  { BLAZZ_VITEST_COUNTS_FILE: vitestOut },
);
save(vitestOut, 'vitest-counts.json', json => json);

for (const dir of ['playwright', 'playwright-broken']) {
  const file = join(tmp, `${dir}.json`);
  run(['playwright', 'test', '-c', join(fixtures, 'playwright.config.ts')], {
    FIXTURE_DIR: dir,
    PLAYWRIGHT_JSON_OUTPUT_FILE: file,
  });
  // The config block holds machine details (worker count, versions): keep what is counted.
  save(file, `${dir}.json`, json => ({ suites: json.suites, errors: json.errors, stats: json.stats }));
}
