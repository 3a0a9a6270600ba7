import { expect, test } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DesktopOnDouble } from '../helpers/electron-double/launch';
import { launchDesktopOnDouble } from '../helpers/electron-double/launch';
import { descendants } from '../helpers/electron-double/process-tree';
import type { DesktopShell } from './desktop-scenario';
import { runDesktopScenario } from './desktop-scenario';

// The built desktop main (dist/app/main.mjs) on the Electron double: its window, preload,
// app:// handler, core utility process, tray and quit, as in tests/helpers/electron-double/README.md.
test.describe.configure({ timeout: 240_000 });

function shellOf(app: DesktopOnDouble, page: DesktopShell['page']): DesktopShell {
  const win = async () => {
    const [w] = (await app.state()).windows;
    if (!w) throw new Error('no window');
    return w;
  };
  return {
    page,
    windowUrl: async () => (await win()).url,
    windowFocused: async () => (await win()).focused,
    blurWindow: () => app.control('blur'),
    async openLink(url) {
      // Linux hands a link to a second launch, which passes it to the first and quits.
      expect(await app.secondInstance([url])).toBe(0);
    },
    childProcesses: () => app.processes(),
    coreChildren: async () => (await app.state()).utilityPids.flatMap(pid => descendants(pid).map(p => p.pid)),
    async quit() {
      await app.control('tray-menu-click', 'Quit').catch(() => {});
      return app.exited();
    },
    stillRunning: () => app.stillRunning(),
    openedExternally: async () => (await app.state()).openedExternal,
    tray: {
      menu: async () => (await app.state()).tray?.menu ?? [],
      tooltip: async () => (await app.state()).tray?.tooltip ?? '',
      badge: async () => (await app.state()).badgeCount,
      click: async label => {
        await app.control('tray-menu-click', label);
      },
    },
    notifications: {
      shown: async () => (await app.state()).notifications,
      click: id => app.control('notification-click', String(id)),
    },
  };
}

test('desktop on the Electron double: window, bridge, core, accounts, tray, notifications, deep link, quit', async () => {
  const app = await launchDesktopOnDouble();
  try {
    const page = await app.window();
    await runDesktopScenario(shellOf(app, page));
  } catch (err) {
    console.log(app.output());
    throw err;
  } finally {
    await app.dispose();
  }
});

test('a preload that requires a Node module fails as in the sandbox, and the page gets no bridge', async () => {
  const app = await launchDesktopOnDouble({
    mutate: root => {
      const preload = join(root, 'dist', 'preload', 'index.cjs');
      writeFileSync(preload, `require('fs');\n${readFileSync(preload, 'utf8')}`);
    },
  });
  try {
    const page = await app.window();
    await expect
      .poll(async () => (await app.state()).windows[0]?.preloadErrors)
      .toEqual(['Error: module not found: fs']);
    expect(await page.evaluate(() => typeof (globalThis as { desk?: unknown }).desk)).toBe('undefined');
  } finally {
    await app.dispose();
  }
});
