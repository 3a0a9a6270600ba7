import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The inbox as an agent sees it, found by role and label (never by CSS class). */
export class InboxPage {
  readonly accounts: Locator;
  readonly chatList: Locator;
  readonly chats: Locator;
  readonly messages: Locator;
  readonly composer: Locator;
  readonly sendingAs: Locator;

  constructor(readonly page: Page) {
    this.accounts = page.getByRole('navigation', { name: 'WhatsApp accounts' });
    this.chatList = page.getByRole('listbox', { name: 'Chats' });
    this.chats = this.chatList.getByRole('option');
    this.messages = page.getByRole('log', { name: 'Messages' });
    this.composer = page.getByRole('textbox', { name: 'Message' });
    this.sendingAs = page.getByRole('status', { name: 'Sending as' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { name: 'Blazz Desk', exact: true })).toBeVisible();
  }

  /** "Try the demo": two simulated numbers; waits until both are ready and chats are listed. */
  async startDemo(): Promise<void> {
    await this.page.getByRole('button', { name: 'Try the demo' }).click();
    await expect(this.accounts.getByRole('listitem')).toHaveCount(2);
    await expect(this.accounts.getByText('Ready')).toHaveCount(2, { timeout: 30_000 });
    await expect(this.chats.first()).toBeVisible({ timeout: 30_000 });
  }

  /** Adds a simulated number through the Add account dialog and waits until it is linked. */
  async addSimulatedNumber(name: string): Promise<void> {
    await this.accounts.getByRole('button', { name: 'Add account' }).click();
    const add = this.page.getByRole('dialog', { name: 'Add account' });
    await add.getByRole('textbox', { name: 'Name' }).fill(name);
    await add.getByRole('checkbox', { name: /Simulated number/ }).check();
    await add.getByRole('button', { name: 'Add and link' }).click();
    await expect(add.getByRole('status')).toHaveText('Ready', { timeout: 30_000 });
    await add.getByRole('button', { name: 'Done' }).click();
  }

  account(name: string | RegExp): Locator {
    return this.accounts.getByRole('listitem').filter({ hasText: name });
  }

  chat(name: string | RegExp): Locator {
    return this.chatList.getByRole('option', { name });
  }

  /** Opens the first listed chat that is not a group (1:1 rows have no member list). */
  async openChatAt(index: number): Promise<string> {
    await this.chats.nth(index).click();
    // While the demo is live a new message can move rows between the click and the check:
    // the chat that opened is the selected row, wherever it now is.
    const selected = this.chatList.getByRole('option', { selected: true });
    await expect(selected).toHaveCount(1);
    await expect(this.messages).toBeVisible();
    const label = (await selected.getAttribute('aria-label')) ?? '';
    return label.split(',')[0] ?? label;
  }

  /** The name of the open conversation, from its region's label. */
  async openChatName(): Promise<string> {
    const region = this.page.getByRole('region', { name: /^Conversation with / });
    return ((await region.getAttribute('aria-label')) ?? '').replace(/^Conversation with /, '');
  }

  async send(text: string): Promise<void> {
    await this.composer.fill(text);
    await this.composer.press('Enter');
    await expect(this.composer).toHaveValue('');
  }

  bubble(text: string | RegExp): Locator {
    return this.messages.getByRole('article').filter({ hasText: text });
  }

  async openSearch(): Promise<Locator> {
    await this.page.keyboard.press('Control+k');
    const dialog = this.page.getByRole('dialog', { name: 'Search messages' });
    await expect(dialog).toBeVisible();
    return dialog;
  }

  /**
   * Opens Settings on a section (its tab's name in the UI's language, e.g. 'Automation'); without
   * one, Settings opens where the user last was (General the first time).
   */
  async openSettings(label = 'Settings', section?: string): Promise<Locator> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: label });
    await expect(dialog).toBeVisible();
    if (section) await showSettingsSection(dialog, section);
    return dialog;
  }
}

/** Switches an open Settings dialog to another section. */
export async function showSettingsSection(settings: Locator, section: string): Promise<void> {
  const tab = settings.getByRole('tab', { name: section, exact: true });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
}
