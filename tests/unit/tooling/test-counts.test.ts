// The closing `N passed, N failed, N skipped` line, counted on reporter outputs recorded
// from real runs of tests/tooling/fixtures/ (re-record: tests/tooling/record-count-fixtures.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { summarize } from '../../tooling/summarize-tests';
import {
  countChecks,
  countPlaywright,
  countReport,
  countVitest,
  playwrightReport,
  totalLine,
  vitestReport,
} from '../../tooling/test-counts';

const recorded = (name: string): string => readFileSync(join(__dirname, 'recorded', name), 'utf8');
const vitest = () => vitestReport.parse(JSON.parse(recorded('vitest-counts.json')));
const playwright = (name: string) => playwrightReport.parse(JSON.parse(recorded(name)));
const counts = (t: { passed: number; failed: number; skipped: number }) => ({
  passed: t.passed,
  failed: t.failed,
  skipped: t.skipped,
});

describe('vitest counts', () => {
  it('counts a test whose beforeAll threw as failed, not skipped', () => {
    const t = countVitest(vitest());
    expect(t.notes).toContain('vitest did not run: setup-fails.fixture.ts > setup fails > never runs 1');
    expect(t.notes).toContain('vitest did not run: setup-fails.fixture.ts > setup fails > never runs 2');
  });

  it('counts a file that failed to load as one failure', () => {
    const t = countVitest(vitest());
    expect(t.notes.filter(n => n.startsWith('vitest file failed: import-fails.fixture.ts'))).toHaveLength(1);
  });

  it('counts a file whose afterAll threw as one failure even though every test passed', () => {
    const t = countVitest(vitest());
    expect(t.notes.filter(n => n.startsWith('vitest file failed: teardown-fails.fixture.ts'))).toHaveLength(1);
  });

  it('counts each test once and a file with failed tests no extra time', () => {
    // passed: outcomes > passes, sibling suite > passes, teardown fails > passes.
    // failed: fails, skips itself without a reason, never runs 1 and 2, the teardown file,
    // the file that did not load. skipped: the 4 declared skips, the skip with a reason.
    expect(counts(countVitest(vitest()))).toEqual({ passed: 3, failed: 6, skipped: 5 });
    expect(countVitest(vitest()).notes.some(n => n.startsWith('vitest file failed: setup-fails'))).toBe(false);
  });

  it('counts only declared skips and skips with a reason as skipped', () => {
    const t = countVitest(vitest());
    expect(t.notes).toContain('vitest did not run: outcomes.fixture.ts > outcomes > skips itself without a reason');
    expect(t.notes.some(n => n.includes('skips itself with a reason'))).toBe(false);
    expect(t.notes.some(n => n.includes('declared skip'))).toBe(false);
  });

  it('counts unhandled errors and an interrupted run as a failure', () => {
    const clean = { files: [], unhandledErrors: [] };
    expect(countVitest({ ...clean, reason: 'interrupted' }).failed).toBe(1);
    expect(countVitest({ ...clean, reason: 'failed', unhandledErrors: ['boom', 'bang'] }).failed).toBe(1);
    expect(countVitest({ ...clean, reason: 'passed' }).failed).toBe(0);
  });
});

describe('playwright counts', () => {
  it('counts the tests a serial file never ran after a failure as failed', () => {
    const t = countPlaywright(playwright('playwright.json'));
    expect(t.notes).toContain('playwright did not run: serial.fixture.ts > third never runs');
    expect(t.notes).toContain('playwright did not run: serial.fixture.ts > fourth never runs');
  });

  it('counts tests after a failed beforeAll as failed and declared skips as skipped', () => {
    const t = countPlaywright(playwright('playwright.json'));
    expect(t.notes).toContain('playwright failed: skips.fixture.ts > setup fails > a');
    expect(t.notes).toContain('playwright did not run: skips.fixture.ts > setup fails > b');
    // passes ×2; second fails, third, fourth, a, b; skip with reason, test.skip, fixme
    expect(counts(t)).toEqual({ passed: 2, failed: 5, skipped: 3 });
  });

  it('counts a spec file that fails to load as a failure', () => {
    const t = countPlaywright(playwright('playwright-broken.json'));
    expect(counts(t)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(t.notes[0]).toMatch(/^playwright error: Error: Cannot find module/);
  });
});

describe('the closing line', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('adds checks, vitest and Playwright, each test once', () => {
    dir = mkdtempSync(join(tmpdir(), 'counts-'));
    writeFileSync(join(dir, 'checks.txt'), 'pass build\npass lint\nfail typecheck:node\n');
    writeFileSync(join(dir, 'vitest-counts.json'), recorded('vitest-counts.json'));
    writeFileSync(join(dir, 'playwright.json'), recorded('playwright.json'));
    const t = summarize(dir);
    expect(totalLine(t)).toBe('7 passed, 12 failed, 8 skipped');
    expect(t.notes).toContain('check failed: typecheck:node');
  });

  it('counts a missing or malformed report as one failure', () => {
    dir = mkdtempSync(join(tmpdir(), 'counts-'));
    writeFileSync(join(dir, 'playwright.json'), '{"suites": "nope"}');
    const t = summarize(dir);
    expect(counts(t)).toEqual({ passed: 0, failed: 2, skipped: 0 });
    expect(t.notes[0]).toBe('vitest wrote no report');
    expect(t.notes[1]).toMatch(/^playwright report has an unexpected shape/);
    expect(countReport('x', 'not json', vitestReport, countVitest).notes).toEqual(['x report is not JSON']);
  });

  it('counts checks line by line', () => {
    expect(counts(countChecks('pass build\n\nfail lint\n'))).toEqual({ passed: 1, failed: 1, skipped: 0 });
  });
});
