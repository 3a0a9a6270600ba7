import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

// The main screens in light and dark. They go to test-results/ unless BLAZZ_SCREENSHOTS
// names a folder (docs/screenshots for the README: BLAZZ_SCREENSHOTS=docs/screenshots).
test.describe.configure({ timeout: 120_000 });

async function shoot(page: Page, dir: string, name: string): Promise<void> {
  // Time stamps and the blinking caret would make every capture differ.
  await page.addStyleTag({ content: '* { caret-color: transparent !important; }' });
  const file = join(dir, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
}

test('main screens, light and dark', async ({ page, host }, info) => {
  const dir = process.env.BLAZZ_SCREENSHOTS ?? info.outputPath('screens');
  mkdirSync(dir, { recursive: true });
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await shoot(page, dir, 'welcome-light');
  await inbox.startDemo();
  // Let a few acks and live messages land, then open a busy chat.
  await inbox.openChatAt(0);
  await inbox.send('Halo! Pesanan Anda sudah kami kirim hari ini, nomor resi menyusul ya 🙏');
  await expect(
    inbox.messages
      .getByRole('article')
      .last()
      .getByRole('img', { name: /Sent|Delivered|Read/ }),
  ).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  for (const theme of ['Light', 'Dark'] as const) {
    await settings.getByRole('radio', { name: theme }).check();
    const suffix = theme.toLowerCase();
    await shoot(page, dir, `settings-${suffix}`);
    await page.keyboard.press('Escape');
    await expect(settings).toHaveCount(0);
    await shoot(page, dir, `inbox-${suffix}`);
    const search = await inbox.openSearch();
    await search.getByRole('searchbox', { name: 'Search all messages' }).fill('pesanan');
    await expect(search.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toBeVisible();
    await shoot(page, dir, `search-${suffix}`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add account' }).click();
    const add = page.getByRole('dialog', { name: 'Add account' });
    await add.getByRole('textbox', { name: 'Name' }).fill('Toko Online');
    await add.getByRole('checkbox', { name: /Simulated number/ }).check();
    await add.getByRole('button', { name: 'Add and link' }).click();
    await expect(add.getByRole('img', { name: /QR code to link/ })).toBeVisible({ timeout: 20_000 });
    await shoot(page, dir, `add-account-${suffix}`);
    await page.keyboard.press('Escape');
    if (theme === 'Light') {
      await page.getByRole('button', { name: 'Settings', exact: true }).click();
      await expect(settings).toBeVisible();
    }
  }
});

test('the customer panel with the team’s name and labels, and Settings’ sections, in English and Bahasa', async ({
  page,
  host,
}, info) => {
  const dir = process.env.BLAZZ_SCREENSHOTS ?? info.outputPath('screens');
  mkdirSync(dir, { recursive: true });
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  // A one-to-one chat (groups have no customer panel); the demo's seeds make its people the same each run.
  await inbox.chat(/^Amelia Price/).click();
  await page.getByRole('button', { name: 'Customer details' }).click();
  const panel = page.getByRole('region', { name: 'Customer', exact: true });
  await panel.getByRole('button', { name: 'Edit name, labels and notes' }).click();
  await panel.getByRole('textbox', { name: 'Name the team sees' }).fill('Pelanggan VIP');
  await panel.getByRole('textbox', { name: 'Labels' }).fill('VIP, grosir');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveText(['VIP', 'grosir']);
  await shoot(page, dir, 'customer-panel-en');

  const settings = await inbox.openSettings('Settings', 'General');
  await settings.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Pelanggan', exact: true })).toBeVisible();
  await shoot(page, dir, 'customer-panel-id');
  await inbox.openSettings('Pengaturan', 'Notifikasi');
  await shoot(page, dir, 'settings-sections-id');
});
