import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from './log';

export type FileLogOptions = {
  readonly dir: string;
  /** Rotate when the file passes this size. */
  readonly maxBytes?: number;
  /** Rotated files kept besides the current one (main.1.log … main.N.log). */
  readonly keep?: number;
  /** Also echo to the console (the headless host's terminal). */
  readonly echo?: Logger;
  /** How many recent warnings/errors `recentProblems()` remembers for diagnostics. */
  readonly rememberProblems?: number;
};

export type FileLogger = Logger & {
  /** Latest warnings and errors, newest last, for "copy diagnostics". Never message text. */
  recentProblems(): readonly string[];
  readonly file: string;
};

/**
 * Main-process log in the data folder, rotated by size. Writes are synchronous appends:
 * they are rare and small, and a crash must not lose the line that explains it.
 */
export function fileLogger(options: FileLogOptions): FileLogger {
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keep ?? 3;
  const remember = options.rememberProblems ?? 50;
  mkdirSync(options.dir, { recursive: true });
  const file = join(options.dir, 'main.log');
  const problems: string[] = [];
  let written = existsSync(file) ? statSync(file).size : 0;

  const rotate = () => {
    rmSync(join(options.dir, `main.${keep}.log`), { force: true });
    for (let i = keep - 1; i >= 1; i--) {
      const from = join(options.dir, `main.${i}.log`);
      if (existsSync(from)) renameSync(from, join(options.dir, `main.${i + 1}.log`));
    }
    if (keep >= 1) renameSync(file, join(options.dir, 'main.1.log'));
    else rmSync(file, { force: true });
    written = 0;
  };

  const write = (level: 'info' | 'warn' | 'error', msg: string, data?: Record<string, unknown>) => {
    const line = `${new Date().toISOString()} ${level} ${msg}${data ? ' ' + safeJson(data) : ''}\n`;
    try {
      if (written + line.length > maxBytes && written > 0) rotate();
      appendFileSync(file, line);
      written += Buffer.byteLength(line);
    } catch {
      // A full disk must not take the app down with it; the console still has the line.
    }
    if (level !== 'info') {
      problems.push(line.trimEnd());
      if (problems.length > remember) problems.shift();
    }
    options.echo?.[level](msg, data);
  };

  return {
    file,
    info: (msg, data) => write('info', msg, data),
    warn: (msg, data) => write('warn', msg, data),
    error: (msg, data) => write('error', msg, data),
    recentProblems: () => [...problems],
  };
}

function safeJson(data: Record<string, unknown>): string {
  try {
    return JSON.stringify(data);
  } catch {
    return '[unserializable]';
  }
}
