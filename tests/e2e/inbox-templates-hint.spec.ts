/**
 * Issue #21: "/" in the composer with no template says how to add one (English and Bahasa).
 * Before, nothing happened, and an agent could not tell templates exist.
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('"/" with no templates shows how to add one, in both languages', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.chats.first().click();
  await inbox.composer.fill('/');
  await expect(
    page.getByText('No templates yet. Add one in Settings → Templates, then type / and its shortcut.'),
  ).toBeVisible();
  await inbox.composer.fill('halo');
  await expect(page.getByText(/^No templates yet/)).toHaveCount(0);

  const settings = await inbox.openSettings('Settings', 'General');
  await settings.getByRole('combobox', { name: 'Language' }).selectOption('id');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Pesan' }).fill('/');
  await expect(
    page.getByText('Belum ada templat. Tambahkan di Pengaturan → Templat, lalu ketik / dan pintasannya.'),
  ).toBeVisible();
});
