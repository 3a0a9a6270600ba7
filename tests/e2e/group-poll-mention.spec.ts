/**
 * Issue #20 end to end: a customer's poll reaches the inbox with its question, options and
 * vote counts, and a message @mentioning people shows their names (and "You" for our own
 * number), never the digits WhatsApp puts in the body, in its bubble and in the chat list's
 * preview; a customer writing from a hidden number (a lid only) is "Hidden number" in the
 * list and the header, never digits. The simulator sends all three on demand
 * (`demo:simulate`, over the host's command bridge, as a test or a trainer would).
 */
import type { Account } from '../../common/domain';
import { connectBridge, invoke } from '../helpers/host';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('a simulated group’s poll shows its votes, and its @mentions show names', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const bridge = await connectBridge(Number(new URL(host.url).port), new URL(host.url).hash.replace(/^#token=/, ''));
  try {
    const listed = await invoke(bridge, 'accounts:list', {});
    const account = listed.ok ? (listed.value as Account[])[0] : undefined;
    expect(account).toBeDefined();
    const simulate = async (what: 'poll' | 'mention' | 'hidden_number') =>
      expect(await invoke(bridge, 'demo:simulate', { accountId: account?.id, what })).toMatchObject({ ok: true });

    await simulate('poll');
    await inbox.chats.filter({ hasText: '📊 Poll' }).first().click();
    const poll = inbox.messages.getByRole('figure', { name: 'Poll: Which delivery day suits you?' });
    await expect(poll).toBeVisible();
    await expect(poll).toContainText('Select one');
    // The three votes arrive a moment after the poll, and the counts follow them live.
    const option = (name: string) => poll.getByRole('listitem').filter({ hasText: name });
    await expect(option('Wednesday')).toContainText('2 votes');
    await expect(option('Friday')).toContainText('1 vote');
    await expect(option('Monday')).toContainText('0 votes');

    await simulate('mention');
    const bubble = inbox.bubble(/can you check order/);
    await expect(bubble).toBeVisible();
    await expect(bubble).toContainText('@You');
    // The other member is named from the contacts, and no mention is left as digits.
    const text = (await bubble.locator('.text').innerText()).trim();
    expect(text).toMatch(/^@\p{L}[^@]* @You can you check order/u);
    expect(text).not.toMatch(/@\d/);
    // The chat list's preview names them the same way, as plain text (no bold mention).
    const preview = inbox.chats
      .filter({ hasText: /can you check order/ })
      .first()
      .locator('.chat-preview');
    await expect(preview).toContainText('@You can you check order');
    const line = (await preview.innerText()).trim();
    expect(line).toMatch(/^@\p{L}[^@]* @You can you check order/u);
    expect(line).not.toMatch(/@\d/);
    await expect(preview.locator('.mention')).toHaveCount(0);

    // A customer whose number is hidden (WhatsApp gives only a lid): "Hidden number" in the
    // list and in the header, never the lid's digits.
    await simulate('hidden_number');
    const hidden = inbox.chats.filter({ hasText: /item from your ad/ }).first();
    await expect(hidden.locator('.chat-name')).toHaveText('Hidden number');
    await hidden.click();
    const title = page.locator('.conversation-title');
    await expect(title).toContainText('Hidden number');
    expect(await title.innerText()).not.toMatch(/\d{6}/);
    expect(await hidden.innerText()).not.toMatch(/\d{8}/);
  } finally {
    bridge.close();
  }
});
