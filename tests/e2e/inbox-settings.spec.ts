import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('theme and language switch at once and survive a reload', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  const settings = await inbox.openSettings();

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

  const again = await inbox.openSettings('Pengaturan');
  await again.getByRole('radio', { name: 'Terang' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const lightBg = await page.evaluate(
    () => getComputedStyle(document.body.parentElement as HTMLElement).backgroundColor,
  );
  expect(lightBg).not.toBe(darkBg);
  await again.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
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
