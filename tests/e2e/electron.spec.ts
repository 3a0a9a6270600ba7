import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
  ? 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD); the shell is covered by unit tests of main/app, the core process by tests/integration/core-process, and the page by the host e2e'
  : !hasDisplay
    ? 'no display for Electron (set DISPLAY, e.g. under xvfb-run)'
    : null;

test('electron smoke: window opens sandboxed and renders core data over IPC', async () => {
  if (skipReason) console.log(`[electron smoke] skipped: ${skipReason}`);
  test.skip(skipReason !== null, skipReason ?? '');
  const userData = mkdtempSync(join(tmpdir(), 'blazz-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['.', `--user-data-dir=${userData}`] });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('region', { name: 'About this installation' })).toBeVisible();
    await expect(window.getByText('Desktop app')).toBeVisible();
    // Sandboxed, isolated, no Node: the page sees only the bridge, never require/process.
    const globals = await window.evaluate(() => ({
      require: typeof (globalThis as { require?: unknown }).require,
      process: typeof (globalThis as { process?: unknown }).process,
      bridge: Object.keys((globalThis as { desk?: object }).desk ?? {}).sort(),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['invoke', 'subscribe'] });
    const url = await window.evaluate(() => location.href);
    expect(url.startsWith('app://bundle/')).toBe(true);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
