/**
 * The customer panel, opened from the conversation header: one person across two of our
 * numbers (the two providers spell the phone jid differently), their conversations (a
 * click opens the other one), shared media, first and last contact; a person WhatsApp
 * only shows by privacy id is a "Hidden number".
 */
import type { IngestBatchInput } from '../../common/ingest';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { addStoppedAccount, seededHost } from './pages/seed';

type MessageIn = NonNullable<IngestBatchInput['messages']>[number];

test.describe.configure({ timeout: 120_000 });

const FIRST = Date.UTC(2026, 2, 10, 12, 0, 0);
const LAST = Date.UTC(2026, 10, 20, 12, 0, 0);

test('the customer panel shows one person across our numbers and opens their other conversation', async ({ page }) => {
  const host = await seededHost(store => {
    const shopA = addStoppedAccount(store, 'shopa', 'Toko A', '#1e88e5');
    const shopB = addStoppedAccount(store, 'shopbb', 'Toko B', '#e91e63');
    let n = 0;
    const msg = (accountId: typeof shopA, chatJid: string, timestamp: number, m: Partial<MessageIn> = {}) => ({
      accountId,
      chatJid,
      providerMessageId: `C${++n}`,
      fromMe: false,
      type: 'text' as const,
      body: `pesan ${n}`,
      timestamp,
      ...m,
    });
    store.ingest({
      chats: [
        { accountId: shopA, jid: '628123450001@c.us', isGroup: false, name: 'Budi Santoso', timestamp: LAST },
        { accountId: shopB, jid: '628123450001@s.whatsapp.net', isGroup: false, name: 'Budi B', timestamp: FIRST },
        { accountId: shopB, jid: '77665544@lid', isGroup: false, name: 'Hana', timestamp: LAST - 1000 },
      ],
      messages: [
        msg(shopB, '628123450001@s.whatsapp.net', FIRST),
        msg(shopA, '628123450001@c.us', LAST - 86_400_000 * 3, {
          type: 'image',
          body: null,
          media: { mimeType: 'image/jpeg' },
        }),
        msg(shopA, '628123450001@c.us', LAST),
        msg(shopB, '77665544@lid', LAST - 1000),
      ],
    });
  });
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.chat(/^Budi Santoso/).click();
    await page.getByRole('button', { name: 'Customer details' }).click();
    const panel = page.getByRole('region', { name: 'Customer', exact: true });
    await expect(panel.getByText('+62 812 3450 001')).toBeVisible();
    // First and last contact, across both numbers.
    await expect(panel.getByRole('definition')).toHaveText(['10 Mar 2026', '20 Nov 2026']);
    await expect(panel.getByRole('button', { name: /^Photo · 17 Nov 2026 · Toko A/ })).toBeVisible();

    // Both conversations are listed; this one is marked as open, the other opens on click.
    await expect(panel.getByRole('button', { name: /^Toko A, last message 20 Nov 2026/ })).toHaveAttribute(
      'aria-current',
      'true',
    );
    await panel.getByRole('button', { name: /^Toko B, last message 10 Mar 2026/ }).click();
    await expect(page.getByRole('region', { name: 'Conversation with Budi B' })).toBeVisible();
    await expect(panel.getByRole('button', { name: /^Toko B/ })).toHaveAttribute('aria-current', 'true');

    // A person known only by a privacy id has no number to show.
    await inbox.chat(/^Hana/).click();
    await expect(page.getByRole('region', { name: 'Conversation with Hana' })).toBeVisible();
    await expect(panel.getByText('Hidden number')).toBeVisible();
    // Nor does the header show the privacy id as if it were a phone number.
    await expect(page.getByRole('region', { name: 'Conversation with Hana' }).getByText('+77 665 544')).toHaveCount(0);
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await expect(panel.getByText('No media shared yet.')).toBeVisible();
  } finally {
    await host.stop();
  }
});

test('the team names, labels and writes notes about a customer: the panel and both chats show it, and it lasts', async ({
  page,
}) => {
  const host = await seededHost(store => {
    const shopA = addStoppedAccount(store, 'shopa', 'Toko A', '#1e88e5');
    const shopB = addStoppedAccount(store, 'shopbb', 'Toko B', '#e91e63');
    store.ingest({
      chats: [
        { accountId: shopA, jid: '628123450001@c.us', isGroup: false, name: 'Budi Santoso', timestamp: LAST },
        { accountId: shopB, jid: '628123450001@s.whatsapp.net', isGroup: false, name: 'Budi B', timestamp: FIRST },
      ],
      messages: [
        {
          accountId: shopA,
          chatJid: '628123450001@c.us',
          providerMessageId: 'E1',
          fromMe: false,
          type: 'text',
          body: 'halo',
          timestamp: LAST,
        },
        {
          accountId: shopB,
          chatJid: '628123450001@s.whatsapp.net',
          providerMessageId: 'E2',
          fromMe: false,
          type: 'text',
          body: 'hai',
          timestamp: FIRST,
        },
      ],
    });
  });
  try {
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    await inbox.chat(/^Budi Santoso/).click();
    await page.getByRole('button', { name: 'Customer details' }).click();
    const panel = page.getByRole('region', { name: 'Customer', exact: true });
    await expect(panel.getByText('No labels yet.')).toBeVisible();
    await expect(panel.getByText('No notes about this person yet.')).toBeVisible();
    await panel.getByRole('button', { name: 'Edit name, labels and notes' }).click();
    await expect(panel.getByText('Kept on this device (not signed in to a workspace).')).toBeVisible();
    await panel.getByRole('textbox', { name: 'Name the team sees' }).fill('Pak Budi (VIP)');
    await panel.getByRole('textbox', { name: 'Labels' }).fill('VIP, grosir, vip');
    await panel.getByRole('textbox', { name: 'Notes about this person' }).fill('Prefers Bahasa.\nOrders every Friday.');
    await panel.getByRole('button', { name: 'Save' }).click();
    const note = panel.getByRole('region', { name: 'Notes about this person' });
    await expect(note).toContainText('Prefers Bahasa.\nOrders every Friday.');

    await expect(panel.getByText('Pak Budi (VIP)')).toBeVisible();
    await expect(panel.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveText(['VIP', 'grosir']);
    // WhatsApp's own name stays visible under the team's.
    await expect(panel.getByText('Budi Santoso')).toBeVisible();
    // Both of the person's chats, on both numbers, carry the name in the list.
    await expect(inbox.chat(/^Pak Budi \(VIP\)/)).toHaveCount(2);

    // It is stored: a reload shows it again, and the note is about the person, so their
    // chat on the other number shows it too.
    await page.reload();
    await expect(inbox.chat(/^Pak Budi \(VIP\)/)).toHaveCount(2);
    await inbox
      .chat(/^Pak Budi \(VIP\)/)
      .last()
      .click();
    await page.getByRole('button', { name: 'Customer details' }).click();
    await expect(note).toContainText('Orders every Friday.');
    await page.getByRole('button', { name: 'Close customer details' }).click();

    // Cleared, WhatsApp's name is back.
    await inbox
      .chat(/^Pak Budi \(VIP\)/)
      .first()
      .click();
    await page.getByRole('button', { name: 'Customer details' }).click();
    await panel.getByRole('button', { name: 'Edit name, labels and notes' }).click();
    await panel.getByRole('textbox', { name: 'Name the team sees' }).fill('');
    await panel.getByRole('button', { name: 'Save' }).click();
    await expect(inbox.chat(/^Budi Santoso/)).toHaveCount(1);
    await expect(inbox.chat(/^Budi B/)).toHaveCount(1);
  } finally {
    await host.stop();
  }
});
