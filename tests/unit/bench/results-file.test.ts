// bench/results/latest.json bookkeeping: failed areas recorded, scale on every result,
// `--only` runs merged instead of overwriting the full file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { benchFile, describeError, writeResults, type AreaOutcome, type BenchFile } from '../../../bench/results-file';

const meta = { at: '2026-12-04T10:00:00.000Z', cpus: 2 };
const ok = (area: string, ids: string[], run: 'full' | 'quick' = 'full'): AreaOutcome => ({
  area,
  record: { ok: true, run, at: meta.at, seconds: 1 },
  results: ids.map(id => ({ id, value: 1, unit: 'ms', scale: { messages: run === 'full' ? 1_000_000 : 6_000 }, area })),
});
const failed = (area: string, err: unknown): AreaOutcome => ({
  area,
  record: { ok: false, run: 'full', at: meta.at, seconds: 2, error: describeError(err) },
  results: [],
});

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bench-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const read = (name = 'latest.json'): BenchFile => benchFile.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));

describe('bench results file', () => {
  it('records a failed area with its error code and message beside the areas that passed', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });
    writeResults(dir, [ok('store', ['store.a']), failed('server', refused)], null, meta);
    const file = read();
    expect(file.areas.server).toMatchObject({
      ok: false,
      error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:3306' },
    });
    expect(file.areas.store).toMatchObject({ ok: true, run: 'full' });
    expect(file.results.map(r => r.id)).toEqual(['store.a']);
  });

  it('keeps each result with its scale and area', () => {
    writeResults(dir, [ok('store', ['store.a'], 'quick')], null, meta);
    expect(read().results[0]).toEqual({
      id: 'store.a',
      value: 1,
      unit: 'ms',
      scale: { messages: 6_000 },
      area: 'store',
    });
  });

  it('merges an --only run into the full file: that area replaced, the others kept', () => {
    writeResults(dir, [ok('store', ['store.a', 'store.b']), ok('ui', ['ui.a'])], null, meta);
    const later = { ...meta, at: '2026-12-04T11:00:00.000Z' };
    const written = writeResults(dir, [failed('store', new Error('disk full'))], 'store', later);
    expect(written).toBe(join(dir, 'latest.json'));
    const file = read();
    expect(file.results.map(r => r.id)).toEqual(['ui.a']);
    expect(file.areas.ui).toMatchObject({ ok: true });
    expect(file.areas.store).toMatchObject({ ok: false, error: { code: 'Error', message: 'disk full' } });
    expect(file.at).toBe(later.at);

    writeResults(dir, [ok('store', ['store.c'], 'quick')], 'store', meta);
    expect(read().results.map(r => r.id)).toEqual(['ui.a', 'store.c']);
    expect(read().areas.store).toMatchObject({ ok: true, run: 'quick' });
  });

  it('replaces the whole file on a full run', () => {
    writeResults(dir, [ok('store', ['store.a']), ok('gone', ['gone.a'])], null, meta);
    writeResults(dir, [ok('store', ['store.b'])], null, meta);
    expect(Object.keys(read().areas)).toEqual(['store']);
    expect(read().results.map(r => r.id)).toEqual(['store.b']);
  });

  it('never overwrites a file it cannot read on an --only run: writes only-<area>.json instead', () => {
    writeFileSync(join(dir, 'latest.json'), '{"results": "hand-edited"}');
    const written = writeResults(dir, [ok('ui', ['ui.a'])], 'ui', meta);
    expect(written).toBe(join(dir, 'only-ui.json'));
    expect(readFileSync(join(dir, 'latest.json'), 'utf8')).toBe('{"results": "hand-edited"}');
    expect(read('only-ui.json').results.map(r => r.id)).toEqual(['ui.a']);
  });

  it('starts the file from an --only run when there is none', () => {
    writeResults(dir, [ok('ui', ['ui.a'])], 'ui', meta);
    expect(Object.keys(read().areas)).toEqual(['ui']);
  });

  it('describes anything thrown as a code and a message', () => {
    expect(describeError(new TypeError('x'))).toEqual({ code: 'TypeError', message: 'x' });
    expect(describeError('plain string')).toEqual({ code: 'non_error_thrown', message: 'plain string' });
    expect(describeError(new Error('y'.repeat(5_000))).message).toHaveLength(2_000);
  });
});

describe('npm run bench -- --only', () => {
  it('refuses an unknown area instead of writing an empty results file', () => {
    const latest = join(__dirname, '../../../bench/results/latest.json');
    const before = existsSync(latest) ? statSync(latest).mtimeMs : null;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/index.ts', '--only', 'no-such-area'], {
      cwd: join(__dirname, '../../..'),
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown area "no-such-area"');
    expect(existsSync(latest) ? statSync(latest).mtimeMs : null).toBe(before);
  });
});
