/**
 * The voice-note guard (issue #20): a voice note recorded while the composer sends from
 * another number than the customer wrote to asks first, as a typed reply does. Cancel sends
 * nothing; "Send from …" sends it once.
 */
import type { Account, Chat, Message } from '../../common/domain';
import { connectBridgeOf, invoke } from '../helpers/host';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { rowName } from './team-fixtures';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});

test('a voice note from another number asks first; Cancel sends nothing, confirming sends it once', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.startDemo();
  const bridge = await connectBridgeOf(host.url);
  const value = async <T>(name: string, args: unknown): Promise<T> => {
    const reply = await invoke(bridge, name, args);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code}`);
    return reply.value as T;
  };
  // A customer's own chat: a group is reached only through its number, so it offers no other.
  let chatName = '';
  await expect
    .poll(async () => {
      const { items } = await value<{ items: Chat[] }>('chats:list', { limit: 50 });
      chatName = items.find(c => !c.isGroup && c.lastMessageAt !== null)?.name ?? '';
      return chatName;
    })
    .not.toBe('');
  await inbox.chat(rowName(chatName)).first().click();
  // Our voice notes in this customer's chats, on either number.
  const voiceNotes = async () => {
    const accounts = await value<Account[]>('accounts:list', {});
    const { items } = await value<{ items: Chat[] }>('chats:list', { accountIds: accounts.map(a => a.id), limit: 200 });
    // The other number's chat with the same customer is new there, and may not know the name yet.
    const jid = items.find(x => x.name === chatName)?.jid;
    let n = 0;
    for (const c of items.filter(x => x.jid === jid)) {
      const { messages } = await value<{ messages: Message[] }>('messages:list', { chatId: c.id, limit: 200 });
      n += messages.filter(m => m.type === 'voice' && m.fromMe).length;
    }
    return n;
  };
  const before = await voiceNotes();

  const sendFrom = inbox.sendingAs.getByRole('combobox', { name: 'Send from' });
  const options = await sendFrom.locator('option').allTextContents();
  const other = options.find(o => !o.includes('customer wrote here')) ?? '';
  expect(other).not.toBe('');
  await sendFrom.selectOption({ label: other });
  const record = async () => {
    await page.getByRole('button', { name: 'Record a voice note' }).click();
    await expect(page.getByRole('timer')).toHaveText('0:01', { timeout: 10_000 });
    await page.getByRole('button', { name: 'Send the voice note' }).click();
  };
  const confirm = page.getByRole('dialog', { name: 'Send from a different number?' });

  await record();
  await expect(confirm).toContainText(`This reply would go out from ${other}`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  // Give a wrongly sent note time to arrive: none may.
  await page.waitForTimeout(1500);
  expect(await voiceNotes()).toBe(before);

  await record();
  await confirm.getByRole('button', { name: /^Send from / }).click();
  await expect(confirm).toHaveCount(0);
  await expect.poll(voiceNotes, { timeout: 30_000 }).toBe(before + 1);
  await page.waitForTimeout(1500);
  expect(await voiceNotes()).toBe(before + 1);
  bridge.close();
});
