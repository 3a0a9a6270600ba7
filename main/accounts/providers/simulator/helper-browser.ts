/**
 * A browser the simulator starts on request (tests of orphan cleanup, #20): detached like
 * puppeteer's Chromium, so killing the account's process alone orphans it. Debian's
 * Chromium when a path is given, else a Node process that idles. Loaded only when asked.
 * Returns its pid (0 if it did not start).
 */
export async function spawnHelperBrowser(chromium: string | undefined): Promise<number> {
  const { spawn } = await import('node:child_process');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const args = chromium
    ? [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'blazz-sim-browser-'))}`,
        'about:blank',
      ]
    : ['-e', 'setInterval(() => {}, 60000)'];
  const browser = spawn(chromium ?? process.execPath, args, { detached: true, stdio: 'ignore' });
  browser.unref();
  return browser.pid ?? 0;
}
