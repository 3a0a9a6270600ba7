import type { IngestBatchInput } from '../../common/ingest';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';
import { addStoppedAccount, seededHost } from './pages/seed';

type MessageIn = NonNullable<IngestBatchInput['messages']>[number];

const RLO = '\u202E';
const HUGE = 'A'.repeat(100_000) + 'END';

test('hostile message content renders as inert text or a placeholder', async ({ page }) => {
  const host = await seededHost(store => {
    const accountId = addStoppedAccount(store, 'hostile', 'Hostile test', '#e91e63');
    const jid = '628555000111@c.us';
    const t0 = Date.now() - 60_000;
    const msg = (n: number, m: Partial<MessageIn>): MessageIn => ({
      accountId,
      chatJid: jid,
      providerMessageId: `H${n}`,
      fromMe: false,
      type: 'text',
      timestamp: t0 + n * 1000,
      ...m,
    });
    store.ingest({
      chats: [{ accountId, jid, isGroup: false, name: `Mallory ${RLO}gnp.exe`, timestamp: t0 }],
      messages: [
        msg(1, { body: '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">' }),
        msg(2, {
          body: 'try javascript:window.__pwned=3 or <a href="javascript:alert(1)">this</a> or https://example.com/ok',
        }),
        msg(3, { body: `invoice${RLO}fdp.exe` }),
        msg(4, { body: HUGE }),
        msg(5, {
          type: 'image',
          body: null,
          media: { mimeType: 'image/png', localPath: '/etc/passwd', thumbnail: '"><script>window.__pwned=4</script>' },
        }),
        msg(6, { type: 'contact_card', vcard: 'BEGIN:VCARD\nFN:<img src=x onerror="window.__pwned=5">\nEND:VCARD' }),
        msg(7, { type: 'location', location: { lat: -6.2, lng: 106.8, name: '<b>bold</b>' } }),
      ],
    });
  });
  try {
    const dialogs: string[] = [];
    page.on('dialog', d => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const inbox = new InboxPage(page);
    await inbox.open(host.url);
    const row = inbox.chats.first();
    await expect(row).toBeVisible();
    // The override is gone from the name, so ".exe" cannot be disguised as ".png".
    expect(await row.innerText()).not.toContain(RLO);
    await row.click();
    await expect(inbox.messages).toBeVisible();

    // Markup is shown as the text it is.
    await expect(inbox.messages.getByText('<script>window.__pwned = 1</script>', { exact: false })).toBeVisible();
    await expect(inbox.messages.locator('script')).toHaveCount(0);
    await expect(inbox.messages.locator('[onerror], [onload], b')).toHaveCount(0);
    // Only the https address became a link, opening outside the app without an opener.
    const links = inbox.messages.getByRole('link');
    await expect(inbox.messages.getByRole('link', { name: 'https://example.com/ok' })).toHaveAttribute(
      'rel',
      'noopener noreferrer',
    );
    await expect(page.locator('a[href^="javascript" i]')).toHaveCount(0);
    for (const href of await links.evaluateAll(as => as.map(a => (a as HTMLAnchorElement).protocol)))
      expect(['https:', 'http:', 'mailto:', 'tel:']).toContain(href);

    // The 100 KB message is cut with "Show more" instead of laying out 100,000 characters.
    const huge = inbox.messages.getByRole('article').filter({ hasText: 'AAAAAAAAAA' });
    await huge.scrollIntoViewIfNeeded();
    await expect(huge.getByRole('button', { name: 'Show more' })).toBeVisible();
    expect((await huge.innerText()).length).toBeLessThan(10_000);

    // Broken media and a hostile contact card become placeholders and text.
    await inbox.messages.getByRole('article').last().scrollIntoViewIfNeeded();
    await expect(inbox.messages.getByText('Media unavailable')).toBeVisible();
    await expect(inbox.messages.getByText('<img src=x onerror="window.__pwned=5">')).toBeVisible();
    await expect(inbox.messages.getByText('<b>bold</b>')).toBeVisible();
    const text = await inbox.messages.innerText();
    expect(text).not.toContain(RLO);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  } finally {
    await host.stop();
  }
});
