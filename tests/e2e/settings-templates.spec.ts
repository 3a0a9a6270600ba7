/**
 * Templates in Settings can be edited in place, and deleting one asks first: Cancel keeps it,
 * confirming removes it. The edited text is what /shortcut inserts in the composer.
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ timeout: 120_000 });

test('edit a template, then delete it only after confirming', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);

  const settings = await inbox.openSettings('Settings', 'Templates and tags');
  const add = settings.getByRole('form', { name: 'Add template' });
  await add.getByLabel('Shortcut (typed after /)').fill('hours');
  await add.getByLabel('Title').fill('Opening hours');
  await add.getByLabel('Text').fill('We are open 9 to 5.');
  await add.getByRole('button', { name: 'Add template' }).click();

  // Edit: the form is filled with the template and saves over it (same shortcut, new text).
  await settings.getByRole('button', { name: 'Edit /hours' }).click();
  const edit = settings.getByRole('form', { name: 'Edit template' });
  await expect(edit.getByLabel('Title')).toHaveValue('Opening hours');
  await edit.getByLabel('Text').fill('We are open 8 to 6, Monday to Saturday.');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(settings.getByRole('form', { name: 'Add template' })).toBeVisible();
  await expect(settings.getByText('We are open 8 to 6, Monday to Saturday.')).toBeVisible();
  await expect(settings.getByText('We are open 9 to 5.')).toHaveCount(0);
  await expect(settings.getByRole('button', { name: /^Edit \// })).toHaveCount(1);

  // Delete asks; Cancel keeps the template.
  await settings.getByRole('button', { name: 'Delete /hours' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the template /hours?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(settings.getByRole('button', { name: 'Delete /hours' })).toBeVisible();

  // The composer inserts the edited text.
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await inbox.composer.fill('/hou');
  await inbox.composer.press('Enter');
  await expect(inbox.composer).toHaveValue('We are open 8 to 6, Monday to Saturday.');
  await inbox.composer.fill('');

  // Confirming removes it.
  const again = await inbox.openSettings('Settings', 'Templates and tags');
  await again.getByRole('button', { name: 'Delete /hours' }).click();
  await page
    .getByRole('dialog', { name: 'Delete the template /hours?' })
    .getByRole('button', { name: 'Delete template' })
    .click();
  await expect(again.getByRole('button', { name: 'Delete /hours' })).toHaveCount(0);
});
