#!/usr/bin/env node
// Adds up every suite of `npm test` into the one closing line CI reads:
// `N passed, N failed, N skipped`. A suite that produced no report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.tmp/results';
let passed = 0;
let failed = 0;
let skipped = 0;
const notes = [];

const checksFile = join(dir, 'checks.txt');
if (existsSync(checksFile)) {
  for (const line of readFileSync(checksFile, 'utf8').split('\n').filter(Boolean)) {
    const [status, name] = line.split(' ');
    if (status === 'pass') passed++;
    else {
      failed++;
      notes.push(`check failed: ${name}`);
    }
  }
}

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numTotalTestSuites && v.success === false && !v.numFailedTests ? 1 : 0);
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  for (const file of v.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).every(a => a.status !== 'failed')) {
      failed++; // a file that failed to load or whose hooks failed has no failed assertion
      notes.push(`vitest file failed: ${file.name}`);
    }
    for (const a of file.assertionResults ?? []) if (a.status === 'failed') notes.push(`vitest: ${a.fullName}`);
  }
} else {
  failed++;
  notes.push('vitest wrote no report');
}

const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
  if ((p.errors ?? []).length > 0) {
    failed++;
    notes.push(
      `playwright errors: ${p.errors
        .map(e => e.message)
        .join('; ')
        .slice(0, 300)}`,
    );
  }
} else {
  failed++;
  notes.push('playwright wrote no report');
}

if (notes.length) console.log('\nFailures:\n  ' + notes.join('\n  '));
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
