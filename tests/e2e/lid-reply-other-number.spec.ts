/**
 * Replies from another number to a customer known only by a hidden number (issue #20): in
 * a chat that arrived as a lid alone, choosing another of our numbers under "Send from" and
 * sending is refused before anything is queued; the composer keeps the text and says to
 * reply from the number the customer wrote to. Nothing reaches the other number.
 */
import type { Account, Chat } from '../../common/domain';
import { connectBridgeOf, invoke } from '../helpers/host';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('a reply from another number to a lid-only customer is refused and the draft kept', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const bridge = await connectBridgeOf(host.url);
  try {
    const value = async <T>(name: string, args: unknown): Promise<T> => {
      const reply = await invoke(bridge, name, args);
      if (!reply.ok) throw new Error(`${name}: ${reply.error.code}`);
      return reply.value as T;
    };
    const [first] = await value<Account[]>('accounts:list', {});
    await value('demo:simulate', { accountId: first?.id, what: 'hidden_number' });
    const hidden = inbox.chats.filter({ hasText: /item from your ad/ }).first();
    await expect(hidden.locator('.chat-name')).toHaveText('Hidden number');
    await hidden.click();

    const sendFrom = inbox.sendingAs.getByRole('combobox', { name: 'Send from' });
    const options = await sendFrom.locator('option').allTextContents();
    const other = options.find(o => !o.includes('customer wrote here')) ?? '';
    expect(other).not.toBe('');
    await sendFrom.selectOption({ label: other });
    const text = `Halo dari nomor lain ${Date.now().toString(36)}`;
    await inbox.composer.fill(text);
    await inbox.composer.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Send from a different number?' });
    await confirm.getByRole('button', { name: /^Send from / }).click();

    await expect(page.getByTestId('lid-only')).toHaveText(
      'This contact’s number is hidden; reply from the number they wrote to.',
    );
    await expect(inbox.composer).toHaveValue(text);
    // Nothing went to the other number: no chat with this customer there, no queued reply.
    const accounts = await value<Account[]>('accounts:list', {});
    const { items } = await value<{ items: Chat[] }>('chats:list', { accountIds: accounts.map(a => a.id), limit: 200 });
    const lidChat = items.find(c => c.jid.endsWith('@lid'));
    expect(lidChat?.accountId).toBe(first?.id);
    expect(items.filter(c => c.jid === lidChat?.jid)).toHaveLength(1);
  } finally {
    bridge.close();
  }
});
