import { expect, test } from './fixtures';
import { InboxPage, showSettingsSection } from './pages/inbox.page';

test('theme and language switch at once and survive a reload', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const settings = await inbox.openSettings('Settings', 'General');

  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const darkBg = await page.evaluate(
    () => getComputedStyle(document.body.parentElement as HTMLElement).backgroundColor,
  );

  await settings.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await expect(page.getByRole('dialog', { name: 'Pengaturan' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByRole('navigation', { name: 'Akun WhatsApp' })).toBeVisible();

  // Esc closes the panel and focus returns to the page.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Pengaturan', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  const again = await inbox.openSettings('Pengaturan', 'Umum');
  await again.getByRole('radio', { name: 'Terang' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const lightBg = await page.evaluate(
    () => getComputedStyle(document.body.parentElement as HTMLElement).backgroundColor,
  );
  expect(lightBg).not.toBe(darkBg);
  await again.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
});

test('settings are in sections: a tab per section, arrow keys move, it reopens where it was, and says what needs a workspace', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const settings = await inbox.openSettings();
  const tabs = settings.getByRole('tablist', { name: 'Settings sections' }).getByRole('tab');
  await expect(tabs).toHaveText([
    'General',
    'Notifications',
    'Numbers',
    'Templates and tags',
    'Team',
    'AI',
    'Automation',
    'Integrations',
    'Backup',
    'About',
  ]);
  // General first: one section at a time, not one long page.
  await expect(settings.getByRole('tab', { name: 'General' })).toHaveAttribute('aria-selected', 'true');
  await expect(settings.getByRole('combobox', { name: 'Language' })).toBeVisible();
  await expect(settings.getByRole('region', { name: 'Backup' })).toHaveCount(0);

  // The keyboard moves between sections.
  await settings.getByRole('tab', { name: 'General' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(settings.getByRole('tab', { name: 'Notifications' })).toBeFocused();
  await expect(settings.getByRole('checkbox', { name: /Quiet hours/ })).toBeVisible();
  await expect(settings.getByRole('combobox', { name: 'Language' })).toHaveCount(0);

  // Without a workspace, automation is this computer's own; the workspace's sections say why they are empty.
  await settings.getByRole('tab', { name: 'Automation' }).click();
  await expect(settings.getByRole('tabpanel')).toContainText(
    'Runs on this computer while you are not signed in to a workspace',
  );
  await settings.getByRole('tab', { name: 'Numbers' }).click();
  await expect(settings.getByRole('tabpanel')).toContainText('added from the accounts rail (Add account)');

  // Closed and opened again, Settings is where the user left it.
  await page.keyboard.press('Escape');
  const again = await inbox.openSettings();
  await expect(again.getByRole('tab', { name: 'Numbers' })).toHaveAttribute('aria-selected', 'true');

  // In Bahasa Indonesia the sections are named in Bahasa.
  await showSettingsSection(again, 'General');
  await again.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await expect(page.getByRole('dialog', { name: 'Pengaturan' }).getByRole('tab', { name: 'Otomasi' })).toBeVisible();
});

test('the search dialog opens with Ctrl+K, traps focus and closes with Esc', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const dialog = await inbox.openSearch();
  const input = dialog.getByRole('searchbox', { name: 'Search all messages' });
  await expect(input).toBeFocused();
  // Tab cycles inside the dialog.
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  expect(await dialog.evaluate(el => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});
