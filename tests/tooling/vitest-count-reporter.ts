// A vitest reporter that records, per test, what the counting in test-counts.ts needs and
// vitest's own JSON reporter loses: the declared mode (`it.skip` vs meant to run) and the
// ctx.skip reason. Without these, a test whose beforeAll threw looks exactly like a
// declared skip. Output: BLAZZ_VITEST_COUNTS_FILE, else .tmp/results/vitest-counts.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { Reporter, SerializedError, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import type { VitestReport } from './test-counts';

const errorText = (e: { message?: string; name?: string }): string => e.message ?? e.name ?? 'error';

export function describeModules(
  modules: ReadonlyArray<TestModule>,
  unhandled: ReadonlyArray<SerializedError>,
  reason: TestRunEndReason,
  root: string,
): VitestReport {
  return {
    reason,
    unhandledErrors: unhandled.map(errorText),
    files: modules.map(m => ({
      file: relative(root, m.moduleId),
      state: m.state(),
      errors: [...m.errors(), ...[...m.children.allSuites()].flatMap(s => s.errors())].map(errorText),
      tests: [...m.children.allTests()].map(t => {
        const r = t.result();
        return {
          name: t.fullName,
          mode: t.options.mode,
          state: r.state,
          ...(r.state === 'skipped' && r.note !== undefined ? { note: r.note } : {}),
        };
      }),
    })),
  };
}

export default class CountReporter implements Reporter {
  private root = process.cwd();
  private readonly outputFile: string;

  constructor(options: { outputFile?: string } = {}) {
    this.outputFile = options.outputFile ?? process.env.BLAZZ_VITEST_COUNTS_FILE ?? '.tmp/results/vitest-counts.json';
  }

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandled: ReadonlyArray<SerializedError>,
    reason: TestRunEndReason,
  ): void {
    const file = resolve(this.root, this.outputFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(describeModules(modules, unhandled, reason, this.root), null, 2) + '\n');
  }
}
