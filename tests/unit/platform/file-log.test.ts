import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileLogger } from '../../../main/platform/file-log';

describe('file log', () => {
  it('appends lines and rotates by size, keeping a fixed number of files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'blazz-log-'));
    const log = fileLogger({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 20; i++) log.info(`line ${i} ${'x'.repeat(40)}`);
    expect(existsSync(join(dir, 'main.log'))).toBe(true);
    expect(existsSync(join(dir, 'main.1.log'))).toBe(true);
    expect(existsSync(join(dir, 'main.2.log'))).toBe(true);
    expect(existsSync(join(dir, 'main.3.log'))).toBe(false);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 19');
    expect(readFileSync(join(dir, 'main.log'), 'utf8').length).toBeLessThanOrEqual(200);
  });

  it('remembers recent problems for diagnostics, not info lines', () => {
    const log = fileLogger({ dir: mkdtempSync(join(tmpdir(), 'blazz-log-')), rememberProblems: 2 });
    log.info('fine');
    log.warn('first', { account: 'a1' });
    log.error('second');
    log.error('third');
    const problems = log.recentProblems();
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('second');
    expect(problems[1]).toContain('third');
  });
});
