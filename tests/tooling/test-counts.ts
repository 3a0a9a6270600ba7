// Counts every suite of `npm test` into the one closing line CI reads:
// `N passed, N failed, N skipped`. Pure: it reads parsed reports and returns a tally.
//
// The rules (docs: README "Run the tests"):
//   - each test counts once, by its own outcome;
//   - a test that never ran (its setup hook failed, an earlier test of a serial file failed,
//     the run was interrupted) counts as FAILED: nothing checked it;
//   - only a declared skip counts as skipped: vitest `it.skip`/`it.todo`/`skipIf`, or
//     `ctx.skip(reason)` with a reason; Playwright `test.skip`/`test.fixme`;
//   - a file that failed without any of its tests failing (it did not load, an afterAll
//     threw) counts as one failure, so a file that breaks can never vanish from the total;
//   - a missing or unreadable report counts as one failure.
import { z } from 'zod';

export interface Tally {
  passed: number;
  failed: number;
  skipped: number;
  /** one line per failure, for the reader of the log */
  notes: string[];
}

export const emptyTally = (): Tally => ({ passed: 0, failed: 0, skipped: 0, notes: [] });

export function addTallies(...tallies: Tally[]): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.passed += t.passed;
    sum.failed += t.failed;
    sum.skipped += t.skipped;
    sum.notes.push(...t.notes);
  }
  return sum;
}

export const totalLine = (t: Tally): string => `${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;

const failure = (note: string): Tally => ({ passed: 0, failed: 1, skipped: 0, notes: [note] });

// ── build / lint / typecheck steps: `pass <name>` or `fail <name>` per line ──────────────
export function countChecks(text: string): Tally {
  const t = emptyTally();
  for (const line of text.split('\n').filter(l => l.trim() !== '')) {
    const [status, name = '?'] = line.trim().split(/\s+/);
    if (status === 'pass') t.passed++;
    else {
      t.failed++;
      t.notes.push(`check failed: ${name}`);
    }
  }
  return t;
}

// ── vitest, as written by tests/tooling/vitest-count-reporter.ts ─────────────────────────
export const vitestCase = z.object({
  name: z.string(),
  /** declared mode: `skip` and `todo` are declared skips, `run`/`only` were meant to run */
  mode: z.enum(['run', 'only', 'skip', 'todo']),
  state: z.enum(['passed', 'failed', 'skipped', 'pending']),
  /** the reason given to ctx.skip(reason) */
  note: z.string().optional(),
});
export const vitestFile = z.object({
  file: z.string(),
  state: z.string(),
  /** errors of the file itself and of its suites (load failure, failed hooks) */
  errors: z.array(z.string()),
  tests: z.array(vitestCase),
});
export const vitestReport = z.object({
  reason: z.string(),
  unhandledErrors: z.array(z.string()),
  files: z.array(vitestFile),
});
export type VitestReport = z.infer<typeof vitestReport>;
type VitestCase = z.infer<typeof vitestCase>;

function vitestOutcome(c: VitestCase): 'passed' | 'failed' | 'skipped' | 'not run' {
  if (c.state === 'passed') return 'passed';
  if (c.state === 'failed') return 'failed';
  if (c.mode === 'skip' || c.mode === 'todo') return 'skipped';
  // Skipped while meant to run: either the test skipped itself with a reason, or it never
  // started (a beforeAll threw, the run stopped).
  if (c.state === 'skipped' && c.note !== undefined && c.note !== '') return 'skipped';
  return 'not run';
}

export function countVitest(report: VitestReport): Tally {
  const t = emptyTally();
  for (const file of report.files) {
    let failedHere = 0;
    for (const c of file.tests) {
      const outcome = vitestOutcome(c);
      if (outcome === 'passed') t.passed++;
      else if (outcome === 'skipped') t.skipped++;
      else {
        t.failed++;
        failedHere++;
        t.notes.push(`vitest ${outcome === 'failed' ? 'failed' : 'did not run'}: ${file.file} > ${c.name}`);
      }
    }
    const fileBroke = file.state === 'failed' || file.errors.length > 0;
    if (fileBroke && failedHere === 0) {
      t.failed++;
      t.notes.push(`vitest file failed: ${file.file}: ${firstLine(file.errors[0] ?? file.state)}`);
    }
  }
  if (report.unhandledErrors.length > 0) {
    t.failed++;
    t.notes.push(`vitest unhandled errors: ${report.unhandledErrors.map(firstLine).join('; ')}`);
  } else if (report.reason === 'interrupted') {
    t.failed++;
    t.notes.push('vitest run was interrupted');
  }
  return t;
}

// ── Playwright's own JSON reporter ───────────────────────────────────────────────────────
const pwTest = z.object({
  status: z.enum(['expected', 'unexpected', 'flaky', 'skipped']),
  expectedStatus: z.string(),
});
const pwSpec = z.object({ title: z.string(), file: z.string().optional(), tests: z.array(pwTest) });
interface PwSuite {
  title: string;
  specs?: z.infer<typeof pwSpec>[];
  suites?: PwSuite[];
}
const pwSuite: z.ZodType<PwSuite> = z.lazy(() =>
  z.object({ title: z.string(), specs: z.array(pwSpec).optional(), suites: z.array(pwSuite).optional() }),
);
export const playwrightReport = z.object({
  suites: z.array(pwSuite),
  errors: z.array(z.object({ message: z.string().optional() })).default([]),
});
export type PlaywrightReport = z.infer<typeof playwrightReport>;

export function countPlaywright(report: PlaywrightReport): Tally {
  const t = emptyTally();
  const walk = (suite: PwSuite, path: string[]): void => {
    for (const spec of suite.specs ?? []) {
      const name = [...path, spec.title].filter(Boolean).join(' > ');
      for (const test of spec.tests) {
        if (test.status === 'expected' || test.status === 'flaky') t.passed++;
        else if (test.status === 'skipped' && test.expectedStatus === 'skipped') t.skipped++;
        else {
          // `skipped` while expected to pass = never ran (serial file after a failure,
          // failed beforeAll, interrupted run).
          t.failed++;
          t.notes.push(`playwright ${test.status === 'skipped' ? 'did not run' : 'failed'}: ${name}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
  };
  for (const suite of report.suites) walk(suite, [suite.title]);
  // Errors outside any test (a spec file that does not load stops the whole run): each
  // counts as one failure.
  for (const e of report.errors) {
    t.failed++;
    t.notes.push(`playwright error: ${firstLine(e.message ?? 'unknown error')}`);
  }
  return t;
}

// ── reading a report that may be missing or malformed ────────────────────────────────────
export function countReport<T>(
  label: string,
  raw: string | null,
  schema: z.ZodType<T>,
  count: (report: T) => Tally,
): Tally {
  if (raw === null) return failure(`${label} wrote no report`);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return failure(`${label} report is not JSON`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return failure(`${label} report has an unexpected shape: ${parsed.error.message.slice(0, 200)}`);
  return count(parsed.data);
}

const firstLine = (s: string): string => (s.split('\n')[0] ?? '').slice(0, 200);
