/**
 * Issue #19, a Cloud API number end to end: an admin's headless desktop driven through
 * Chromium against a real workspace server on MariaDB, with a loopback Graph API and Meta's
 * webhook played by the test. The admin adds the number in Settings, it shows in the rail as
 * hosted by the server, a customer's message arrives through the signed webhook, the reply
 * typed in the composer reaches Graph once, an attached image goes up to Graph and out once, and in a chat whose 24-hour window has closed the
 * composer says why and does not send. The template form takes amounts and dates, and a
 * header image picked from the computer.
 */
import type { Browser } from '@playwright/test';
import { faults } from '../helpers/graph-api/faults';
import type { GraphApi } from '../helpers/graph-api/server';
import { startGraphApi } from '../helpers/graph-api/server';
import { change, fakeWamid, postWebhook, textMessage } from '../helpers/graph-api/webhooks';
import type { Stack } from '../integration/server/harness';
import { startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { openDevice, printHostLogsOnFailure, signInFromSettings } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const PHONE_ID = '106540352242922';
const TOKEN = 'EAAG' + 'c'.repeat(60);
const APP_SECRET = 'app-secret-for-e2e-0123456789';
/** What the loopback Graph API reports for its number. */
const DISPLAY = '+62 812-3456-7890';

let stack: Stack;
let graph: GraphApi;
let a: Device;
let env: { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };

const newPage = (browser: Browser) => browser.newPage();

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  graph.templates.push(
    {
      id: '901',
      name: 'order_update',
      language: 'id',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Halo {{1}}, pesanan {{2}} sudah dikirim.' }],
    },
    { id: '902', name: 'promo', language: 'id', status: 'REJECTED', category: 'MARKETING', components: [] },
    {
      id: '903',
      name: 'payment_due',
      language: 'id',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [
        { type: 'HEADER', format: 'TEXT', text: 'Tagihan {{1}}' },
        { type: 'BODY', text: 'Halo {{1}}, tagihan {{2}} jatuh tempo {{3}}.' },
      ],
    },
    {
      id: '904',
      name: 'new_catalog',
      language: 'id',
      status: 'APPROVED',
      category: 'MARKETING',
      components: [
        { type: 'HEADER', format: 'IMAGE' },
        { type: 'BODY', text: 'Katalog baru untuk {{1}}.' },
      ],
    },
  );
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 100 } });
  env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: DISPLAY };
  const admin = await stack.member('admin', 'Ada Admin');
  a = await openDevice('A', () => newPage(browser));
  await signInFromSettings(a, stack.node.url, admin.email);
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

test.afterAll(async () => {
  await a?.stop();
  await stack?.stop();
  await graph?.close();
});

test('an admin adds a Cloud API number in Settings; the rail shows it hosted by the server', async () => {
  if ((await a.page.getByRole('dialog').count()) > 0) await a.page.keyboard.press('Escape');
  const settings = await a.inbox.openSettings('Settings', 'Numbers');
  const section = settings.getByRole('region', { name: 'WhatsApp Cloud API numbers' });
  await expect(section.getByText('No Cloud API numbers yet.')).toBeVisible();
  await expect(section).toContainText('/webhooks/cloud');
  await section.getByRole('textbox', { name: 'Name in the inbox' }).fill('Support line');
  await section.getByRole('textbox', { name: 'Phone number ID' }).fill(PHONE_ID);
  await section.getByRole('textbox', { name: 'WhatsApp Business Account ID' }).fill('102290129340398');
  await section.getByLabel('Access token').fill('EAAG' + 'x'.repeat(60));
  await section.getByLabel('App secret').fill(APP_SECRET);
  await section.getByRole('textbox', { name: 'Verify token' }).fill('verify-token-42');
  await section.getByRole('button', { name: 'Check and add' }).click();
  // A token Meta refuses is reported, and nothing is added.
  await expect(section.getByRole('alert')).toContainText('Meta did not accept these details (token_expired)');
  await section.getByLabel('Access token').fill(TOKEN);
  await section.getByRole('button', { name: 'Check and add' }).click();
  await expect(section.getByRole('status')).toHaveText(`Added Support line (${DISPLAY}).`);
  await expect(section.getByTestId('cloud-number')).toContainText('Blazz Support');
  await a.page.keyboard.press('Escape');
  await expect(a.inbox.account('Support line')).toContainText('Official API · hosted by the server');
});

test("a customer's message arrives through Meta's webhook and the agent's reply reaches Graph once", async () => {
  const res = await postWebhook(
    env,
    textMessage(env, { id: fakeWamid(), from: '6281234567890', name: 'Budi Santoso', text: 'Halo, stok ada?' }),
  );
  expect(res.status).toBe(200);
  await a.inbox.chat(/Budi Santoso/).click();
  await expect(a.inbox.bubble('Halo, stok ada?')).toBeVisible();
  await expect(a.page.getByTestId('service-window')).toContainText('Customer-service window open');
  // What this number can do is offered: files it takes, and reactions (docs/cloud-api.md).
  await expect(a.page.getByRole('button', { name: 'Attach a file' })).toBeVisible();
  await a.inbox.send('Ada, kak. Mau warna apa?');
  await expect
    .poll(() => graph.sent.map(s => [s.body['to'], (s.body['text'] as { body: string }).body]))
    .toEqual([['6281234567890', 'Ada, kak. Mau warna apa?']]);
  await expect(a.inbox.bubble('Ada, kak. Mau warna apa?')).toBeVisible();
  await expect(a.inbox.bubble('Ada, kak. Mau warna apa?').getByRole('img', { name: 'Sent' })).toBeVisible();

  // Meta refuses the next one: the bubble says why, in words.
  graph.inject(faults.undeliverable());
  await a.inbox.send('Halo?');
  const failed = a.inbox.bubble('Halo?');
  await expect(failed.getByRole('button', { name: 'Not sent — retry' })).toBeVisible();
  await expect(failed.getByTestId('failure-reason')).toHaveText('This phone number cannot receive WhatsApp messages.');

  // A reaction goes through Graph once, from the agent's device, and shows on the bubble.
  const customer = a.inbox.bubble('Halo, stok ada?');
  await customer.hover();
  await customer.getByRole('button', { name: 'React' }).click();
  await customer.getByRole('menuitem', { name: 'React with 👍' }).click();
  await expect
    .poll(() => graph.sent.filter(s => s.body['type'] === 'reaction').map(s => s.body['reaction']))
    .toEqual([{ message_id: expect.stringMatching(/^wamid\./), emoji: '👍' }]);
  await expect(customer.getByRole('list', { name: 'Reactions' })).toContainText('👍');
});

/** A 1×1 PNG: enough for the browser to decode and show. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

test("a customer's photo is fetched from Graph by the server and opens in the conversation", async () => {
  graph.media.set('770011223344', { bytes: PNG, mime: 'image/png', filename: null });
  const photo = change(env, {
    messages: [
      {
        from: '6281234567890',
        id: fakeWamid(),
        timestamp: String(Math.floor(Date.now() / 1000)),
        type: 'image',
        image: { id: '770011223344', mime_type: 'image/png', caption: 'ini barangnya' },
      },
    ],
  });
  expect((await postWebhook(env, photo)).status).toBe(200);
  const bubble = a.inbox.bubble('ini barangnya');
  await expect(bubble).toBeVisible();
  const img = bubble.getByRole('img', { name: 'Photo' });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate(e => (e as HTMLImageElement).naturalWidth)).toBe(1);
});

test('outside the 24-hour window the composer says why, sends no free text, and sends an approved template', async () => {
  const yesterday = Date.now() - 26 * 3600_000;
  await postWebhook(
    env,
    textMessage(env, { id: fakeWamid(), from: '6289900001111', name: 'Sari', text: 'kemarin', at: yesterday }),
  );
  await a.inbox.chat(/Sari/).click();
  await expect(a.inbox.bubble('kemarin')).toBeVisible();
  await expect(a.page.getByTestId('service-window')).toContainText('24-hour customer-service window closed');
  await a.inbox.composer.fill('halo lagi');
  await expect(a.page.getByRole('button', { name: 'Send', exact: true })).toBeDisabled();
  await a.inbox.composer.press('Enter');
  await expect(a.inbox.bubble('halo lagi')).toHaveCount(0);
  // The reply and the reaction of the test before: nothing new.
  expect(graph.sent).toHaveLength(2);

  // An approved template may still be sent: the picker fills its {{n}} and shows the result.
  await a.page.getByTestId('service-window').getByRole('button', { name: 'Send a template…' }).click();
  const picker = a.page.getByRole('dialog', { name: 'Send a message template' });
  await expect(picker.getByRole('combobox', { name: 'Template' })).toHaveValue('order_update|id');
  await picker.getByRole('textbox', { name: 'Value for {{1}}' }).fill('Sari');
  await picker.getByRole('textbox', { name: 'Value for {{2}}' }).fill('INV-7');
  await expect(picker.getByTestId('template-preview')).toHaveText('Halo Sari, pesanan INV-7 sudah dikirim.');
  await picker.getByRole('button', { name: 'Send template' }).click();
  await expect(picker).toHaveCount(0);
  await expect(a.inbox.bubble('Halo Sari, pesanan INV-7 sudah dikirim.')).toBeVisible();
  expect(graph.sent.map(s => s.body['type'])).toEqual(['text', 'reaction', 'template']);
});

test('the agent attaches an image: the server uploads it to Graph and sends it once, with its caption', async () => {
  await a.inbox.chat(/Budi Santoso/).click();
  const before = { media: graph.media.size, sent: graph.sent.length };
  await a.page
    .getByLabel('Attach a file')
    .last()
    .setInputFiles({ name: 'warna.png', mimeType: 'image/png', buffer: PNG });
  await expect(a.page.getByLabel('Attachment', { exact: true })).toContainText('warna.png');
  await a.inbox.composer.fill('pilihan warnanya');
  await a.inbox.composer.press('Enter');
  await expect.poll(() => graph.sent.length).toBe(before.sent + 1);
  expect(graph.media.size).toBe(before.media + 1);
  expect([...graph.media.values()].at(-1)?.bytes.equals(PNG)).toBe(true);
  expect(graph.sent.at(-1)?.body).toMatchObject({ type: 'image', image: { caption: 'pilihan warnanya' } });
  const bubble = a.inbox.bubble('pilihan warnanya');
  await expect(bubble.getByRole('img', { name: 'Sent' })).toBeVisible();
  // Nothing goes out twice while the chat keeps living.
  await a.page.waitForTimeout(500);
  expect(graph.sent.length).toBe(before.sent + 1);
});

test('the template form sends an amount and a date, and a header image picked from the computer', async () => {
  await a.inbox.chat(/Sari/).click();
  await a.page.getByTestId('service-window').getByRole('button', { name: 'Send a template…' }).click();
  let picker = a.page.getByRole('dialog', { name: 'Send a message template' });
  await picker.getByRole('combobox', { name: 'Template' }).selectOption('payment_due|id');
  await picker.getByRole('textbox', { name: 'Header value' }).fill('INV-9');
  await picker.getByRole('textbox', { name: 'Value for {{1}}' }).fill('Sari');
  await picker.getByRole('combobox', { name: 'Kind of Value for {{2}}' }).selectOption('currency');
  await picker.getByRole('textbox', { name: 'Currency of Value for {{2}} (ISO code, e.g. IDR)' }).fill('IDR');
  await picker.getByRole('textbox', { name: 'Amount of Value for {{2}}' }).fill('150000');
  await picker.getByRole('combobox', { name: 'Kind of Value for {{3}}' }).selectOption('date_time');
  await picker.getByLabel('Date and time of Value for {{3}}').fill('2027-01-05T00:00');
  // Meta shows the fallbacks as written: formatted in the template's language (Indonesian).
  await expect(picker.getByTestId('template-preview')).toContainText('Tagihan INV-9');
  await expect(picker.getByTestId('template-preview')).toContainText(
    /Halo Sari, tagihan Rp.?150\.000(,00)? jatuh tempo 5 Januari 2027\./,
  );
  const before = graph.sent.length;
  await picker.getByRole('button', { name: 'Send template' }).click();
  await expect(picker).toHaveCount(0);
  await expect.poll(() => graph.sent.length).toBe(before + 1);
  const [header, body] = (graph.sent.at(-1)?.body['template'] as { components: { parameters: unknown[] }[] })
    .components;
  expect(header?.parameters).toEqual([{ type: 'text', text: 'INV-9' }]);
  expect(body?.parameters).toEqual([
    { type: 'text', text: 'Sari' },
    {
      type: 'currency',
      currency: {
        fallback_value: expect.stringMatching(/^Rp.?150\.000(,00)?$/),
        code: 'IDR',
        amount_1000: 150_000_000,
      },
    },
    { type: 'date_time', date_time: { fallback_value: '5 Januari 2027' } },
  ]);
  await expect(a.inbox.bubble(/jatuh tempo 5 Januari 2027/)).toBeVisible();

  // A header image from the computer: uploaded to the server, sent to Graph by its media id.
  await a.page.getByTestId('service-window').getByRole('button', { name: 'Send a template…' }).click();
  picker = a.page.getByRole('dialog', { name: 'Send a message template' });
  await picker.getByRole('combobox', { name: 'Template' }).selectOption('new_catalog|id');
  await picker.getByRole('combobox', { name: 'Header media' }).selectOption('upload');
  await picker
    .getByLabel('Header image file (JPEG or PNG)')
    .setInputFiles({ name: 'katalog.png', mimeType: 'image/png', buffer: PNG });
  await expect(picker.getByRole('status')).toHaveText('Ready to send: katalog.png');
  await picker.getByRole('textbox', { name: 'Value for {{1}}' }).fill('Sari');
  const media = graph.media.size;
  await picker.getByRole('button', { name: 'Send template' }).click();
  await expect(picker).toHaveCount(0);
  await expect.poll(() => graph.sent.length).toBe(before + 2);
  expect(graph.media.size).toBe(media + 1);
  const [id, stored] = [...graph.media.entries()].at(-1)!;
  expect(stored.bytes.equals(PNG)).toBe(true);
  expect((graph.sent.at(-1)?.body['template'] as { components: unknown[] }).components[0]).toEqual({
    type: 'header',
    parameters: [{ type: 'image', image: { id } }],
  });
});
