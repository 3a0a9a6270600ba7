/**
 * The desktop scenario, written once against what a shell lets a test see and do, and run
 * on the Electron double (desktop-double.spec.ts) and on the real binary where one exists
 * (electron.spec.ts). Steps a shell cannot observe (the real binary's tray and native
 * notifications are out of a test's reach) are left out of that shell's run, not faked.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { InboxPage, showSettingsSection } from './pages/inbox.page';

export type TrayMenuItem = { label: string; type: string; checked: boolean };
export type ShownNotification = { id: number; title: string };

export type DesktopShell = {
  readonly page: Page;
  /** The window's URL as main sees it. */
  windowUrl(): Promise<string>;
  windowFocused(): Promise<boolean>;
  /** The user switches to another app. */
  blurWindow(): Promise<void>;
  /** A blazz:// link handed to the app the way this OS does it (a second launch on Linux). */
  openLink(url: string): Promise<void>;
  /** Every process the app has started, remembered for stillRunning(). */
  childProcesses(): number[];
  /** Processes the core process started (account processes), where the shell can tell. */
  readonly coreChildren?: () => Promise<number[]>;
  quit(): Promise<number | null>;
  stillRunning(): number[];
  readonly tray?: {
    menu(): Promise<TrayMenuItem[]>;
    tooltip(): Promise<string>;
    badge(): Promise<number>;
    click(label: string): Promise<void>;
  };
  /** Links main handed to the system browser. */
  readonly openedExternally?: () => Promise<string[]>;
  readonly notifications?: {
    shown(): Promise<ShownNotification[]>;
    click(id: number): Promise<void>;
  };
};

const bridgeGlobals = (page: Page) =>
  page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    bridge: Object.keys((globalThis as { desk?: object }).desk ?? {}).sort(),
  }));

type ChatRef = { id: string; name: string };
/** The core's own answer, asked through the bridge as the page asks it. */
const listChats = (page: Page) =>
  page.evaluate(async () => {
    const desk = (globalThis as unknown as { desk: { invoke(n: string, a: unknown): Promise<unknown> } }).desk;
    const reply = (await desk.invoke('chats:list', { limit: 50 })) as {
      ok: boolean;
      value?: { items: Array<{ id: string; name: string; isGroup: boolean }> };
    };
    return reply.ok && reply.value
      ? reply.value.items.filter(c => !c.isGroup).map(c => ({ id: c.id, name: c.name }))
      : [];
  });

export async function runDesktopScenario(shell: DesktopShell): Promise<void> {
  const { page } = shell;
  const inbox = new InboxPage(page);

  await test.step('the window opens on the bundle served over app://', async () => {
    await expect(page.getByRole('heading', { name: 'Blazz Desk', exact: true })).toBeVisible({ timeout: 30_000 });
    expect(await shell.windowUrl()).toBe('app://bundle/index.html');
  });

  await test.step('the preload bridge is the only way in: no Node in the page', async () => {
    expect(await bridgeGlobals(page)).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['invoke', 'pathForFile', 'subscribe'],
    });
  });

  await test.step('the core answers over the port: the welcome says this is the desktop app', async () => {
    const about = page.getByRole('region', { name: 'About this installation' });
    await expect(about).toBeVisible();
    await expect(about.getByText('Desktop app')).toBeVisible();
  });

  const before = shell.childProcesses();
  expect(before.length).toBeGreaterThan(0);
  const accountProcesses = shell.coreChildren;
  if (accountProcesses) expect(await accountProcesses()).toEqual([]);
  await test.step('commands reach the core: a simulated number starts in its own process', async () => {
    await inbox.addSimulatedNumber('Double Sim');
    await expect(inbox.account('Double Sim')).toBeVisible();
    await expect(inbox.chats.first()).toBeVisible({ timeout: 30_000 });
    const after = shell.childProcesses();
    expect(after.filter(pid => !before.includes(pid)).length).toBeGreaterThan(0);
    if (accountProcesses) expect((await accountProcesses()).length).toBe(1);
  });

  const tray = shell.tray;
  if (tray) {
    await test.step('the tray menu and badge reflect the unread count', async () => {
      await expect
        .poll(async () => (await tray.menu()).map(i => i.label).find(l => l.startsWith('Double Sim')) ?? '')
        .toMatch(/^Double Sim \(\d+\)$/);
      const label = (await tray.menu()).map(i => i.label).find(l => l.startsWith('Double Sim')) ?? '';
      const unread = Number(/\((\d+)\)/.exec(label)?.[1]);
      expect(unread).toBeGreaterThan(0);
      expect(await tray.tooltip()).toBe(`Blazz Desk — ${unread} unread`);
      expect(await tray.badge()).toBe(unread);
    });
    await test.step('the pause switch in the tray menu turns on and off', async () => {
      const paused = async () => (await tray.menu()).find(i => i.label === 'Pause notifications')?.checked;
      expect(await paused()).toBe(false);
      await tray.click('Pause notifications');
      await expect.poll(paused).toBe(true);
      await tray.click('Pause notifications');
      await expect.poll(paused).toBe(false);
    });
    await test.step('the tray speaks the language chosen in Settings', async () => {
      const chooseLanguage = async (settingsName: string, language: 'en' | 'id') => {
        const settings = await inbox.openSettings(settingsName);
        await showSettingsSection(settings, language === 'id' ? 'General' : 'Umum');
        await settings
          .getByRole('combobox', { name: language === 'id' ? 'Language' : 'Bahasa' })
          .selectOption(language);
        await page.keyboard.press('Escape');
      };
      const labels = async () => (await tray.menu()).map(i => i.label);
      await chooseLanguage('Settings', 'id');
      await expect.poll(labels).toEqual(expect.arrayContaining(['Tampilkan Blazz Desk', 'Jeda notifikasi', 'Keluar']));
      expect(await tray.tooltip()).toMatch(/^Blazz Desk — \d+ belum dibaca$/);
      await chooseLanguage('Pengaturan', 'en');
      await expect.poll(labels).toEqual(expect.arrayContaining(['Show Blazz Desk', 'Pause notifications', 'Quit']));
    });
  }

  const notifications = shell.notifications;
  if (notifications) {
    await test.step('a notification click focuses the window and opens its chat', async () => {
      await shell.blurWindow();
      expect(await shell.windowFocused()).toBe(false);
      // The simulated number writes every ~20 s; the notification follows the next message.
      await expect.poll(async () => (await notifications.shown()).length, { timeout: 60_000 }).toBeGreaterThan(0);
      const [first] = await notifications.shown();
      if (!first) throw new Error('no notification');
      await notifications.click(first.id);
      await expect.poll(() => shell.windowFocused()).toBe(true);
      await expect(inbox.chatList.getByRole('option', { selected: true })).toHaveAccessibleName(
        new RegExp(`^${escapeRegExp(first.title)}`),
      );
    });
  }

  await test.step('a blazz:// link opens its chat', async () => {
    const chats: ChatRef[] = await listChats(page);
    const selected = await inbox.chatList
      .getByRole('option', { selected: true })
      .getAttribute('aria-label')
      .catch(() => null);
    const target = chats.find(c => !(selected ?? '').startsWith(c.name));
    if (!target) throw new Error('no chat to link to');
    await shell.openLink(`blazz://chat/${encodeURIComponent(target.id)}`);
    await expect(inbox.chatList.getByRole('option', { selected: true })).toHaveAccessibleName(
      new RegExp(`^${escapeRegExp(target.name)}`),
    );
  });

  await test.step('a web link does not replace the inbox: main sends it to the browser', async () => {
    const link = 'https://example.com/from-a-customer';
    await page.evaluate(url => {
      location.href = url;
    }, link);
    const opened = shell.openedExternally;
    if (opened) await expect.poll(opened).toContain(link);
    await expect(page.getByRole('heading', { name: 'Blazz Desk', exact: true })).toBeVisible();
    expect(await shell.windowUrl()).toBe('app://bundle/index.html');
  });

  await test.step('quit stops every process the app started', async () => {
    const running = shell.childProcesses();
    expect(running.length).toBeGreaterThan(0);
    expect(await shell.quit()).toBe(0);
    await expect.poll(() => shell.stillRunning(), { timeout: 15_000 }).toEqual([]);
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
