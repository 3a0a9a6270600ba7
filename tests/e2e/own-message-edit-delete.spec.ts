/**
 * Editing and deleting our own messages (issue #20) on a simulated number hosted here: the
 * bubble's menu edits a sent text in place (the bubble then shows the new text and "Edited")
 * and deletes another for everyone after a confirmation (the bubble shows the deleted
 * placeholder). Both come back through the phone's edit / revoke events, as a customer's do.
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('an agent edits a sent text and deletes another for everyone', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);

  const stamp = Date.now();
  const first = `Harga ${stamp} Rp10.000`;
  const second = `Salah kirim ${stamp}`;
  await inbox.send(first);
  await inbox.send(second);
  // The actions appear once WhatsApp has the message (its ticks), not while it is queued.
  await expect(inbox.bubble(first).getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({
    timeout: 20_000,
  });
  // By its id: while it is edited the bubble's text is in the editor, not in the bubble.
  const mine = inbox.messages.locator(
    `[data-message-id="${await inbox.bubble(first).getAttribute('data-message-id')}"]`,
  );

  // Edit: the menu on our bubble, the text in place, Enter saves.
  await mine.hover();
  await mine.getByRole('button', { name: 'Edit or delete' }).click();
  await mine.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = mine.getByRole('textbox', { name: 'Edit message' });
  await expect(editor).toHaveValue(first);
  // Esc cancels without a change.
  await editor.press('Escape');
  await expect(editor).toHaveCount(0);
  await mine.hover();
  await mine.getByRole('button', { name: 'Edit or delete' }).click();
  await mine.getByRole('menuitem', { name: 'Edit' }).click();
  const edited = `Harga ${stamp} Rp12.000`;
  await mine.getByRole('textbox', { name: 'Edit message' }).fill(edited);
  await mine.getByRole('textbox', { name: 'Edit message' }).press('Enter');
  await expect(mine).toContainText(edited, { timeout: 15_000 });
  await expect(mine).toContainText('Edited');
  await expect(mine.getByRole('textbox')).toHaveCount(0);
  await expect(inbox.bubble(first)).toHaveCount(0);

  // Delete for everyone, after the confirmation.
  const other = inbox.bubble(second);
  await expect(other.getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({ timeout: 20_000 });
  const id = await other.getAttribute('data-message-id');
  await other.hover();
  await other.getByRole('button', { name: 'Edit or delete' }).click();
  await other.getByRole('menuitem', { name: 'Delete for everyone' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete for everyone?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete for everyone' }).click();
  const gone = inbox.messages.locator(`[data-message-id="${id}"]`);
  await expect(gone).toContainText('This message was deleted', { timeout: 15_000 });
  await expect(gone).not.toContainText(second);
  // A deleted message offers nothing more; the customer's messages never offer edit or delete.
  await expect(gone.getByRole('button', { name: 'Edit or delete' })).toHaveCount(0);
  const theirs = inbox.messages.locator('article.bubble.in').first();
  await expect(theirs.getByRole('button', { name: 'Edit or delete' })).toHaveCount(0);
  await expect(inbox.messages.getByRole('alert')).toHaveCount(0);
});
