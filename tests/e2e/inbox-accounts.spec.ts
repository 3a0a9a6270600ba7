import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ timeout: 150_000 });

test('add a number by QR, rename and recolour it, stop it (sends queue), log out and remove with confirmation', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);

  await inbox.accounts.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('dialog', { name: 'Add account' });
  await add.getByRole('textbox', { name: 'Name' }).fill('Toko Online');
  await add.getByRole('radio', { name: 'Colour 2' }).check();
  await add.getByRole('checkbox', { name: /Simulated number/ }).check();
  await add.getByRole('button', { name: 'Add and link' }).click();
  // The QR is drawn as an image until the (simulated) phone scans it.
  await expect(add.getByRole('img', { name: 'QR code to link Toko Online' })).toBeVisible({ timeout: 20_000 });
  await expect(add.getByRole('status')).toHaveText('Ready', { timeout: 30_000 });
  await add.getByRole('button', { name: 'Done' }).click();
  await expect(add).toHaveCount(0);

  const item = inbox.account('Toko Online');
  await expect(item).toContainText('Ready');
  // The number's memory, as its process tree was last measured, next to it.
  await expect(item.locator('.account-memory')).toHaveText(/^Memory [1-9]\d* MB$/, { timeout: 20_000 });
  await expect(item.locator('.account-memory')).toHaveAttribute('title', /Memory this number uses on this computer/);
  await expect(inbox.chat(/via Toko Online/).first()).toBeVisible({ timeout: 30_000 });

  // Rename and recolour.
  await item.getByRole('button', { name: 'Actions for Toko Online' }).click();
  await page.getByRole('menuitem', { name: 'Rename, colour, mute' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit account' });
  await edit.getByRole('textbox', { name: 'Name' }).fill('Toko Baru');
  await edit.getByRole('radio', { name: 'Colour 3' }).check();
  await edit.getByRole('button', { name: 'Save' }).click();
  const renamed = inbox.account('Toko Baru');
  await expect(renamed).toBeVisible();
  await expect(renamed.getByRole('button', { pressed: false }).first()).toHaveCSS(
    'border-left-color',
    'rgb(142, 36, 170)',
  );
  await expect(inbox.chat(/via Toko Baru/).first()).toBeVisible();

  // Clicking a number filters the inbox to it.
  await renamed.getByRole('button', { name: /^Toko Baru/ }).click();
  await expect(inbox.chats.filter({ hasNotText: 'Toko Baru' })).toHaveCount(0);

  // Stopped: a reply waits in the queue and goes out when the number is back.
  await renamed.getByRole('button', { name: 'Actions for Toko Baru' }).click();
  await page.getByRole('menuitem', { name: 'Stop' }).click();
  await expect(renamed).toContainText('Stopped');
  await inbox.openChatAt(0);
  await expect(inbox.sendingAs).toContainText('Sending as Toko Baru');
  await expect(inbox.sendingAs).toContainText('Stopped');
  await inbox.send('Ditunggu sebentar ya kak');
  const queued = inbox.bubble('Ditunggu sebentar ya kak');
  await expect(queued.getByRole('img', { name: /^Queued/ })).toBeVisible();
  await renamed.getByRole('button', { name: 'Actions for Toko Baru' }).click();
  await page.getByRole('menuitem', { name: 'Start' }).click();
  await expect(renamed).toContainText('Ready', { timeout: 30_000 });
  await expect(queued.getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({ timeout: 30_000 });

  // Log out asks first; Cancel keeps the number linked.
  await renamed.getByRole('button', { name: 'Actions for Toko Baru' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  const logout = page.getByRole('dialog', { name: 'Log out Toko Baru?' });
  await expect(logout).toContainText('scan a new QR code');
  await logout.getByRole('button', { name: 'Cancel' }).click();
  await expect(renamed).toContainText('Ready');
  await renamed.getByRole('button', { name: 'Actions for Toko Baru' }).click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await logout.getByRole('button', { name: 'Log out' }).click();
  await expect(renamed).toContainText('Logged out', { timeout: 20_000 });
  // The trouble is also said in a banner above everything.
  await expect(page.getByRole('status').filter({ hasText: 'Number Toko Baru: Logged out' })).toBeVisible();

  // Remove asks, then the number is gone.
  await renamed.getByRole('button', { name: 'Actions for Toko Baru' }).click();
  await page.getByRole('menuitem', { name: 'Remove' }).click();
  const remove = page.getByRole('dialog', { name: 'Remove Toko Baru?' });
  await expect(remove).toContainText('cannot be undone');
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(renamed).toHaveCount(0);
});

test('a simulated number can be set to a calm training pace: it restarts, stays ready and keeps the pace', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const item = inbox.account('Demo · Sales');
  await item.getByRole('button', { name: 'Actions for Demo · Sales' }).click();
  await page.getByRole('menuitem', { name: 'Rename, colour, mute' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit account' });
  const pace = edit.getByRole('combobox', { name: 'How often simulated customers write' });
  await expect(pace).toHaveValue('lively');
  await expect(edit.getByText('Saving a new pace restarts this simulated number; its chats stay.')).toBeVisible();
  await pace.selectOption({ label: 'Calm, for training (about every 2 minutes)' });
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  // Restarted at the new pace, it links again by itself and its chats stay.
  await expect(item).toContainText('Ready', { timeout: 30_000 });
  await expect(inbox.chat(/via Demo · Sales/).first()).toBeVisible();

  await page.reload();
  await item.getByRole('button', { name: 'Actions for Demo · Sales' }).click();
  await page.getByRole('menuitem', { name: 'Rename, colour, mute' }).click();
  await expect(
    page
      .getByRole('dialog', { name: 'Edit account' })
      .getByRole('combobox', { name: 'How often simulated customers write' }),
  ).toHaveValue('calm');
});

test('a number’s read receipts can be turned off in its edit dialog, and stay off', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const item = inbox.account('Demo · Support');
  const openEdit = async () => {
    await item.getByRole('button', { name: 'Actions for Demo · Support' }).click();
    await page.getByRole('menuitem', { name: 'Rename, colour, mute' }).click();
    return page.getByRole('dialog', { name: 'Edit account' });
  };
  let edit = await openEdit();
  const receipts = edit.getByRole('checkbox', { name: /Send read receipts/ });
  await expect(receipts).toBeChecked();
  await receipts.uncheck();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  // No restart: the number stays ready.
  await expect(item).toContainText('Ready');

  await page.reload();
  edit = await openEdit();
  await expect(edit.getByRole('checkbox', { name: /Send read receipts/ })).not.toBeChecked();
});
