/**
 * Starts the built desktop main (dist/app/main.mjs) under Node with `electron` resolved to
 * the double, from a copy of the tree the app ships (dist/ + node_modules), and gives the
 * test the window's page (over CDP, like a user's view), the double's control and the
 * process tree.
 */
import type { Browser, Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { build } from 'esbuild';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ControlRequest, DoubleState } from './control';
import { descendants, isRunning } from './process-tree';

const controlReplySchema = z.object({
  id: z.number().int(),
  ok: z.boolean(),
  value: z.unknown().optional(),
  error: z.string().optional(),
});

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const OS: Record<string, string> = { linux: 'linux', darwin: 'mac', win32: 'win' };

export type DesktopOnDouble = {
  readonly root: string;
  readonly userData: string;
  readonly main: ChildProcess;
  readonly output: () => string;
  control<T = unknown>(op: ControlRequest['op'], arg?: string): Promise<T>;
  state(): Promise<DoubleState>;
  /** The window's page as a user sees it (waits for the window to exist). */
  window(): Promise<Page>;
  /** Every process below main now, remembered for allGone(). */
  processes(): number[];
  /** Starts a second instance with these arguments (it hands them to the first and quits). */
  secondInstance(args: readonly string[]): Promise<number | null>;
  exited(): Promise<number | null>;
  /** Processes ever seen below main that still run. */
  stillRunning(): number[];
  dispose(): Promise<void>;
};

export type PrepareOptions = {
  /** Changes to the copied tree before start (e.g. a preload that requires 'fs'). */
  readonly mutate?: (root: string) => void;
  /** The main script, relative to the tree (default: the built desktop main). */
  readonly entry?: string;
};

/** The tree: dist/ copied, node_modules linked, the native addon where main looks for it. */
async function prepareTree(options: PrepareOptions): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'blazz-double-'));
  cpSync(join(repo, 'dist'), join(root, 'dist'), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'), 'dir');
  // Main names Electron's build of the addon; under the double the core runs on Node, so
  // Node's build stands there (an ABI mismatch is one thing the double cannot show).
  const addonDir = join(root, '.electron-native', `${OS[process.platform] ?? process.platform}-${process.arch}`);
  mkdirSync(addonDir, { recursive: true });
  copyFileSync(
    join(repo, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    join(addonDir, 'better_sqlite3.node'),
  );
  const doubleDir = join(root, 'electron-double');
  await build({
    entryPoints: [join(here, 'index.ts')],
    outfile: join(doubleDir, 'index.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  for (const name of ['page', 'child']) cpSync(join(here, name), join(doubleDir, name), { recursive: true });
  for (const name of ['register.mjs', 'hooks.mjs', 'electron.cjs'])
    copyFileSync(join(here, name), join(doubleDir, name));
  options.mutate?.(root);
  return root;
}

export async function launchDesktopOnDouble(options: PrepareOptions = {}): Promise<DesktopOnDouble> {
  const root = await prepareTree(options);
  const userData = join(root, 'userData');
  const start = (args: readonly string[], control: boolean) =>
    fork(join(root, options.entry ?? join('dist', 'app', 'main.mjs')), [`--user-data-dir=${userData}`, ...args], {
      cwd: root,
      execArgv: ['--import', join(root, 'electron-double', 'register.mjs')],
      env: { ...process.env, ...(control ? { ELECTRON_DOUBLE_CONTROL: '1' } : {}) },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
  const main = start([], true);
  let log = '';
  const capture = (chunk: Buffer) => {
    log += chunk.toString('utf8');
  };
  main.stdout?.on('data', capture);
  main.stderr?.on('data', capture);
  const exit = new Promise<number | null>(resolve => main.once('exit', code => resolve(code)));

  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  main.on('message', raw => {
    const parsed = controlReplySchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (!w) return;
    if (msg.ok) w.resolve(msg.value);
    else w.reject(new Error(msg.error));
  });
  const control = <T>(op: ControlRequest['op'], arg?: string) =>
    new Promise<T>((resolve, reject) => {
      if (!main.connected) return reject(new Error(`main is gone:\n${log}`));
      const id = nextId++;
      waiting.set(id, { resolve: v => resolve(v as T), reject });
      main.send({ id, op, ...(arg === undefined ? {} : { arg }) });
    });

  const seen = new Set<number>();
  const processes = () => {
    const now = main.pid ? descendants(main.pid).map(p => p.pid) : [];
    for (const pid of now) seen.add(pid);
    return now;
  };
  let browser: Browser | null = null;

  const window = async (): Promise<Page> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const s = await control<DoubleState>('state');
      if (s.cdpEndpoint && s.windows.length > 0) {
        browser ??= await chromium.connectOverCDP(s.cdpEndpoint);
        const page = browser
          .contexts()
          .flatMap(c => c.pages())
          .find(p => p.url().includes('.electron-double.invalid'));
        if (page) return page;
      }
      if (Date.now() > deadline) throw new Error(`no window after 30 s:\n${log}`);
      await new Promise(r => setTimeout(r, 200));
    }
  };

  return {
    root,
    userData,
    main,
    output: () => log,
    control,
    state: () => control<DoubleState>('state'),
    window,
    processes,
    async secondInstance(args) {
      const second = start(args, false);
      return new Promise(resolve => second.once('exit', code => resolve(code)));
    },
    exited: () => exit,
    stillRunning: () => [...seen].filter(isRunning),
    async dispose() {
      await browser?.close().catch(() => {});
      processes();
      if (main.exitCode === null && main.signalCode === null) {
        // A clean quit first, so Chromium does not die halfway through writing its profile.
        await control('quit').catch(() => {});
        await Promise.race([exit, new Promise(r => setTimeout(r, 10_000))]);
        main.kill('SIGKILL');
      }
      for (const pid of [...seen].filter(isRunning)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    },
  };
}
