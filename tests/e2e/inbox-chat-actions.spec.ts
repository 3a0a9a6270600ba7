/**
 * Chat actions as an agent reaches them: a row's right-click menu, the conversation header's
 * menu and the keyboard (Ctrl+Shift+P/M/U/E). Pin moves the chat to the top, mute and pin
 * show on the row, mark unread closes the chat with a badge, archive moves it to the
 * Archived view; all of it is still there after a reload (kept in the local store).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test.describe.configure({ timeout: 120_000 });

const rowMenu = async (inbox: InboxPage, name: string) => {
  await inbox.chat(name).first().click({ button: 'right' });
  const menu = inbox.page.getByRole('menu', { name: `Actions for ${name}` });
  await expect(menu).toBeVisible();
  return menu;
};

const archivedView = (page: Page) => page.getByRole('button', { name: 'Archived', exact: true });

test('pin, mute, mark unread and archive from the row, the header and the keyboard', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const third = (await inbox.chats.nth(2).getAttribute('aria-label')) ?? '';
  const name = third.split(',')[0] ?? third;
  const row = () => inbox.chat(name).first();

  // Right-click → Pin: the chat leads the list and says it is pinned.
  await (await rowMenu(inbox, name)).getByRole('menuitem', { name: 'Pin to top' }).click();
  await expect(inbox.chats.first()).toHaveAttribute('aria-label', new RegExp(`^${name},.*Pinned`));

  // Open it; Ctrl+Shift+M mutes it, and the header's menu now offers to unmute.
  await row().click();
  await expect(inbox.messages).toBeVisible();
  await page.keyboard.press('Control+Shift+M');
  await expect(row()).toHaveAttribute('aria-label', /Muted/);
  await page.getByRole('button', { name: 'Chat actions' }).click();
  const header = page.getByRole('menu', { name: `Actions for ${name}` });
  await expect(header.getByRole('menuitem', { name: 'Unmute notifications' })).toBeVisible();

  // Header → Mark as unread: the chat closes and its row counts one unread.
  await header.getByRole('menuitem', { name: 'Mark as unread' }).click();
  await expect(inbox.messages).toBeHidden();
  await expect(row()).toHaveAttribute('aria-label', /1 unread/);

  // Kept on this device: after a reload the chat is still pinned first, muted and unread.
  await page.reload();
  await expect(inbox.chats.first()).toHaveAttribute('aria-label', new RegExp(`^${name},.*unread.*Pinned.*Muted`));

  // Archive from the row: it leaves the inbox and is found in the Archived view.
  await (await rowMenu(inbox, name)).getByRole('menuitem', { name: 'Archive' }).click();
  await expect(inbox.chat(name)).toHaveCount(0);
  await archivedView(page).click();
  await expect(archivedView(page)).toHaveAttribute('aria-pressed', 'true');
  await expect(inbox.chats).toHaveCount(1);
  await expect(row()).toBeVisible();

  // Open it from there and unarchive with the keyboard: the Archived view is empty again.
  await row().click();
  await page.keyboard.press('Control+Shift+E');
  await expect(inbox.chat(name)).toHaveCount(0);
  await expect(page.getByText('No archived chats.')).toBeVisible();
  await archivedView(page).click();
  await expect(row()).toBeVisible();
});

test('the row menu opens from the keyboard and closes with Escape', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const name = await inbox.openChatAt(1);
  await inbox.chatList.focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: `Actions for ${name}` });
  // The first item reads "Mark as read" when a live demo message just made the chat unread.
  await expect(menu.getByRole('menuitem', { name: /^Mark as (un)?read$/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Pin to top' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(inbox.chatList).toBeFocused();
});

test('block a person from the row menu after confirming; the row says Blocked, and unblock undoes it after a reload', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  // A person, not a group: groups are not offered Block.
  const name = 'Amelia Price';
  await expect(inbox.chat(name).first()).toBeVisible();

  await (await rowMenu(inbox, name)).getByRole('menuitem', { name: 'Block contact…' }).click();
  const ask = page.getByRole('dialog', { name: `Block ${name}?` });
  await expect(ask).toContainText('will no longer be able to call or message this number');
  // Cancel changes nothing.
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(inbox.chat(name).first()).not.toHaveAttribute('aria-label', /Blocked/);

  await (await rowMenu(inbox, name)).getByRole('menuitem', { name: 'Block contact…' }).click();
  await page
    .getByRole('dialog', { name: `Block ${name}?` })
    .getByRole('button', { name: 'Block' })
    .click();
  await expect(inbox.chat(name).first()).toHaveAttribute('aria-label', /Blocked/);

  await page.reload();
  await expect(inbox.chat(name).first()).toHaveAttribute('aria-label', /Blocked/);
  await (await rowMenu(inbox, name)).getByRole('menuitem', { name: 'Unblock contact' }).click();
  await expect(inbox.chat(name).first()).not.toHaveAttribute('aria-label', /Blocked/);
});
