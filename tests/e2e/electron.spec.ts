import type { ElectronApplication } from '@playwright/test';
import { _electron as electron, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { descendants, isRunning } from '../helpers/electron-double/process-tree';
import type { DesktopShell } from './desktop-scenario';
import { runDesktopScenario } from './desktop-scenario';

/** The Electron binary is downloaded by electron's postinstall; where it is absent we say so. */
function electronBinary(): string | null {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const hasDisplay = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary
  ? 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the same scenario runs on the Electron double in tests/e2e/desktop-double.spec.ts'
  : !hasDisplay
    ? 'no display for Electron (set DISPLAY, e.g. under xvfb-run)'
    : null;

test.describe.configure({ timeout: 240_000 });

/** The real binary as a DesktopShell: its tray and native notifications are beyond a test's reach. */
function realShell(app: ElectronApplication, page: DesktopShell['page'], exe: string, args: string[]): DesktopShell {
  const seen = new Set<number>();
  const mainPid = app.process().pid ?? 0;
  const exited = new Promise<number | null>(resolve => app.process().once('exit', code => resolve(code)));
  return {
    page,
    windowUrl: () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL() ?? ''),
    windowFocused: () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFocused() ?? false),
    blurWindow: () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.blur()),
    openLink: url =>
      new Promise<void>((resolve, reject) => {
        const second = spawn(exe, [...args, url], { stdio: 'ignore' });
        second.once('error', reject);
        second.once('exit', () => resolve());
      }),
    childProcesses: () => {
      const now = descendants(mainPid).map(p => p.pid);
      for (const pid of now) seen.add(pid);
      return now;
    },
    async quit() {
      await app.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => {});
      return exited;
    },
    stillRunning: () => [...seen].filter(isRunning),
  };
}

test('electron: the desktop scenario against the real binary', async () => {
  if (skipReason) console.log(`[electron] skipped: ${skipReason}`);
  test.skip(skipReason !== null, skipReason ?? '');
  const userData = mkdtempSync(join(tmpdir(), 'blazz-electron-'));
  const args = ['.', `--user-data-dir=${userData}`];
  const app = await electron.launch({ executablePath: binary!, args });
  try {
    await runDesktopScenario(realShell(app, await app.firstWindow(), binary!, args));
  } finally {
    await app.close().catch(() => {});
    rmSync(userData, { recursive: true, force: true });
  }
});
