import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { clickNotification, notifications, recordNotifications } from './pages/notifications';

// A 1×1 PNG: small enough for the bridge, real enough for the provider.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test.describe.configure({ timeout: 150_000 });

test('demo numbers: live messages, a notification that opens its chat, per-account badges', async ({ page, host }) => {
  await recordNotifications(page);
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await expect(inbox.account('Demo · Sales')).toBeVisible();
  await expect(inbox.account('Demo · Support')).toBeVisible();
  // Both numbers' chats are in one list, each row naming its number.
  await expect(inbox.chatList.getByRole('option', { name: /via Demo · Sales/ }).first()).toBeVisible();
  await expect(inbox.chatList.getByRole('option', { name: /via Demo · Support/ }).first()).toBeVisible();
  // Unread total in the window title.
  await expect(page).toHaveTitle(/^\(\d+\) Blazz Desk$/);

  // A customer writes while we watch: the OS notification names the chat.
  await expect.poll(async () => (await notifications(page)).length, { timeout: 90_000 }).toBeGreaterThan(0);
  const [first] = await notifications(page);
  expect(first?.title).toBeTruthy();
  await clickNotification(page, 0);
  await expect(page.getByRole('region', { name: `Conversation with ${first?.title ?? ''}` })).toBeVisible();
  await expect(inbox.messages.getByRole('article').last()).toBeVisible();
});

test('send a text, a reply, an image and a template; wrong-number guard', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(0);

  // The strip says which number the reply goes out from.
  await expect(inbox.sendingAs).toContainText(/Sending as Demo · (Sales|Support)/);

  // Text: shown at once, then ticked by the (simulated) network.
  const text = `Halo, pesanan ${Date.now()} sudah dikirim`;
  await inbox.send(text);
  const mine = inbox.bubble(text);
  await expect(mine).toBeVisible();
  await expect(mine.getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({ timeout: 20_000 });

  // Shift+Enter makes a new line instead of sending.
  await inbox.composer.fill('line one');
  await inbox.composer.press('Shift+Enter');
  await inbox.composer.pressSequentially('line two');
  await expect(inbox.composer).toHaveValue('line one\nline two');
  await inbox.composer.fill('');

  // Reply to a customer's message: the quote travels with it.
  const theirs = inbox.messages.getByRole('article', { name: /^Message from/ }).last();
  await theirs.hover();
  await theirs.getByRole('button', { name: 'Reply' }).click();
  await expect(page.getByLabel('Replying to')).toBeVisible();
  await inbox.send('Baik, kami cek dulu ya');
  const reply = inbox.bubble('Baik, kami cek dulu ya');
  await expect(reply.getByRole('button', { name: 'Quoted message' })).toBeVisible();

  // React to a customer's message: the reaction goes out through the account and shows on it.
  const reactedId = await inbox.messages
    .getByRole('article', { name: /^Message from/ })
    .last()
    .getAttribute('data-message-id');
  const reacted = inbox.messages.locator(`article[data-message-id="${reactedId ?? ''}"]`);
  await reacted.hover();
  await reacted.getByRole('button', { name: 'React' }).click();
  // Nothing to remove yet: the menu offers only reactions.
  await expect(reacted.getByRole('menuitem', { name: 'Remove my reaction' })).toHaveCount(0);
  await reacted.getByRole('menuitem', { name: 'React with 👍' }).click();
  await expect(reacted.getByRole('list', { name: 'Reactions' })).toContainText('👍');
  await expect(reacted.getByRole('menu')).toHaveCount(0);
  await reacted.hover();
  await reacted.getByRole('button', { name: 'React' }).click();
  await expect(reacted.getByRole('menuitem', { name: 'Remove my reaction' })).toBeVisible();
  await reacted.getByRole('button', { name: 'React' }).click();
  await expect(reacted.getByRole('menu')).toHaveCount(0);

  // An image through the file picker.
  const file = join(host.dataDir, 'photo.png');
  writeFileSync(file, PNG);
  await page.getByLabel('Attach a file').last().setInputFiles(file);
  await expect(page.getByLabel('Attachment', { exact: true })).toContainText('photo.png');
  await inbox.composer.fill('foto produk');
  await inbox.composer.press('Enter');
  await expect(inbox.bubble('foto produk').getByRole('img', { name: 'Photo' })).toBeVisible();

  // A template with variables, typed as /shortcut.
  const settings = await inbox.openSettings('Settings', 'Templates and tags');
  const form = settings.getByRole('form', { name: 'Add template' });
  await form.getByLabel('Shortcut (typed after /)').fill('thanks');
  await form.getByLabel('Title').fill('Thank you');
  await form.getByLabel('Text').fill('Thank you {{contact.name}}, this is {{agent.name}} from {{account.name}}.');
  await form.getByRole('button', { name: 'Add template' }).click();
  await expect(settings.getByRole('button', { name: 'Delete /thanks' })).toBeVisible();
  await page.keyboard.press('Escape');
  const chatName = await inbox.openChatName();
  await inbox.composer.fill('/tha');
  const suggestions = page.getByRole('listbox', { name: 'Templates' });
  await expect(suggestions.getByRole('option', { name: /thanks/ })).toBeVisible();
  await inbox.composer.press('Enter');
  await expect(inbox.composer).toHaveValue(new RegExp(`^Thank you ${escape(chatName)}, this is Support from Demo · `));
  await inbox.composer.press('Enter');
  await expect(inbox.bubble(/^Thank you .* this is Support/)).toBeVisible();

  // Replying from the other number asks first, in words. A group offers no other number
  // (only the number in it can write there): use the first customer's own chat.
  const sendFrom = inbox.sendingAs.getByRole('combobox', { name: 'Send from' });
  for (let i = 0; (await sendFrom.count()) === 0 && i < 10; i++) await inbox.openChatAt(i);
  const options = await sendFrom.locator('option').allTextContents();
  const other = options.find(o => !o.includes('customer wrote here')) ?? '';
  await sendFrom.selectOption({ label: other });
  await inbox.composer.fill('from the other number');
  await inbox.composer.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Send from a different number?' });
  await expect(confirm).toContainText(`This reply would go out from ${other}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(inbox.composer).toHaveValue('from the other number');
  await expect(inbox.bubble('from the other number')).toHaveCount(0);
});

test('search across accounts, jump to the message, keyboard between chats', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  await inbox.openChatAt(1);
  const token = `zebra${Date.now().toString(36)}`;
  await inbox.send(`kode unik ${token} untuk dicari`);
  await expect(inbox.bubble(token)).toBeVisible();

  // Move to the next chat with the keyboard (our send moved this chat to the top).
  const before = await inbox.openChatName();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => inbox.openChatName()).not.toBe(before);
  await expect(inbox.bubble(token)).toHaveCount(0);

  const dialog = await inbox.openSearch();
  await dialog.getByRole('searchbox', { name: 'Search all messages' }).fill(token);
  const results = dialog.getByRole('listbox', { name: 'Results' });
  const hit = results.getByRole('option').filter({ hasText: token });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark')).toHaveText(token);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(inbox.bubble(token)).toBeVisible();
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
