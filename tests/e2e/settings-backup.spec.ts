/**
 * Issue #21: back up the local database from Settings and restore it. The restore is
 * chosen in Settings, waits for the next start, and Settings says what was restored and
 * where the replaced database was kept.
 */
import { expect, spawnHost, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ timeout: 150_000 });

test('back up now, choose a restore, and find it applied after a restart', async ({ page }) => {
  const first = await spawnHost();
  let second: Awaited<ReturnType<typeof spawnHost>> | null = null;
  try {
    const inbox = new InboxPage(page);
    await inbox.open(first.url);
    await inbox.startDemo();

    let settings = await inbox.openSettings('Settings', 'Backup');
    const backup = settings.getByRole('region', { name: 'Backup' });
    await expect(backup.getByText('No backup yet.')).toBeVisible();
    await backup.getByRole('button', { name: 'Back up now' }).click();
    await expect(backup.getByRole('status')).toHaveText(/^Backed up: [1-9][\d,]* messages in [1-9]\d* chats\.$/);
    const rows = backup.getByRole('table', { name: 'Backups' }).getByRole('row');
    await expect(rows).toHaveCount(2);

    await backup.getByRole('button', { name: /^Restore the backup made / }).click();
    const confirm = backup.getByRole('alertdialog');
    await expect(confirm).toContainText('Everything received or changed since then disappears');
    await confirm.getByRole('button', { name: 'Restore at next start' }).click();
    await expect(backup.getByText(/will be restored when Blazz Desk next starts/)).toBeVisible();

    // Changing one's mind is possible until the restart; then choose it again.
    await backup.getByRole('button', { name: 'Don’t restore' }).click();
    await expect(backup.getByText(/will be restored when Blazz Desk next starts/)).toHaveCount(0);
    await backup.getByRole('button', { name: /^Restore the backup made / }).click();
    await backup.getByRole('alertdialog').getByRole('button', { name: 'Restore at next start' }).click();
    await expect(backup.getByText(/will be restored when Blazz Desk next starts/)).toBeVisible();

    await first.kill();
    second = await spawnHost([], {}, first.dataDir);
    await inbox.open(second.url);
    settings = await inbox.openSettings('Settings', 'Backup');
    const after = settings.getByRole('region', { name: 'Backup' });
    await expect(
      after.getByText(/^Restored from the backup made .* kept at .*blazz\.sqlite\.before-restore\.$/),
    ).toBeVisible();
    await expect(after.getByText(/will be restored when/)).toHaveCount(0);
  } finally {
    await (second ?? first).stop();
  }
});
