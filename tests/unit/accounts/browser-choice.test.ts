import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBrowser, chosenBrowser } from '../../../main/accounts/browser-choice';
import { CommandError } from '../../../common/result';

const dir = mkdtempSync(join(tmpdir(), 'blazz-browser-'));

describe('the browser chosen for a number', () => {
  it('keeps an executable path, and null for "the detected one"', () => {
    expect(chosenBrowser('webjs', process.execPath)).toBe(process.execPath);
    expect(chosenBrowser('webjs', `  ${process.execPath}  `)).toBe(process.execPath);
    expect(chosenBrowser('webjs', '')).toBeNull();
    expect(chosenBrowser('webjs', null)).toBeNull();
    expect(chosenBrowser('simulator', undefined)).toBeNull();
  });

  it('refuses a path that cannot be a browser, with the problem as data', () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'x', { mode: 0o644 });
    for (const [path, problem] of [
      [join(dir, 'missing'), 'missing'],
      [dir, 'not_a_file'],
      [notes, 'not_executable'],
    ] as const) {
      let caught: unknown = null;
      try {
        chosenBrowser('webjs', path);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(CommandError);
      expect(caught).toMatchObject({ code: 'invalid_args', details: { reason: 'browser_path', problem } });
    }
    expect(() => chosenBrowser('simulator', process.execPath)).toThrow(CommandError);
  });

  it('answers what is detected and whether a typed path can be used', () => {
    expect(checkBrowser(null, process.execPath)).toEqual({ detected: process.execPath, problem: null });
    expect(checkBrowser(join(dir, 'missing'), process.execPath)).toEqual({
      detected: process.execPath,
      problem: 'missing',
    });
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
