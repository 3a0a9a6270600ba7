/**
 * Issue #17, automation rules end to end through Settings → Automation → Rules, on a real
 * workspace server (MariaDB) with a Cloud API number whose customers write through Meta's
 * signed webhook (loopback Graph API): an admin adds "text contains 'harga' → reply with a
 * team template, tag 'pricing'", the dry-run shows which samples it matches, a customer asks
 * for the price and gets the reply exactly once, and the chat carries the tag. Then a lead of
 * the number, on a second desktop, adds "text contains 'pesanan' → tag 'orders' + internal
 * note"; a customer asks about an order and the lead's chat shows the tag and the note.
 */
import type { GraphApi } from '../helpers/graph-api/server';
import { startGraphApi } from '../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../helpers/graph-api/webhooks';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { closeDialog, openDevice, printHostLogsOnFailure, signInFromSettings } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const PHONE_ID = '106540352242922';
const TOKEN = 'EAAG' + 'r'.repeat(60);
const APP_SECRET = 'app-secret-for-rules-0123456789';
const CUSTOMER = '6281234567890';

let stack: Stack;
let graph: GraphApi;
let a: Device;
let b: Device | undefined;
let env: { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 100 } });
  env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62 812-3456-7890' };
  const setup = await stack.device('admin', 'Setup');
  await must(setup.socket, 'cloud:add', {
    name: 'Toko Cloud',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340398',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-42',
  });
  await must(setup.socket, 'template:upsert', {
    shortcut: 'harga',
    title: 'Price list',
    body: 'Halo {{contact.name}}, daftar harga kami: toko.example/harga',
  });
  const admin = await stack.member('admin', 'Ada Admin');
  a = await openDevice('A', () => browser.newPage());
  await signInFromSettings(a, stack.node.url, admin.email);
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, b ? [a, b] : [a]));

test.afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await stack?.stop();
  await graph?.close();
});

test('an admin adds a rule in Settings → Automation → Rules and tries it on sample messages', async () => {
  if ((await a.page.getByRole('dialog').count()) > 0) await a.page.keyboard.press('Escape');
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const automation = settings.getByRole('region', { name: 'Automation', exact: true });
  await automation.getByRole('combobox', { name: 'Number' }).selectOption({ label: 'Toko Cloud' });
  const rules = automation.getByRole('region', { name: 'Rules' });
  await expect(rules.getByText('No rules yet.')).toBeVisible();
  const form = rules.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Price questions');
  await form.getByRole('textbox', { name: 'Only if the message contains' }).fill('harga');
  await form.getByRole('combobox', { name: 'Reply with team template' }).selectOption({ label: 'Price list' });
  await form.getByRole('textbox', { name: 'Add tag' }).fill('pricing');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByText('Rule saved.')).toBeVisible();
  // A second rule, below it: only for a customer's first message, outside business hours
  // (this number has none, so never); the dry-run of a returning customer skips it.
  await form.getByRole('textbox', { name: 'Rule name' }).fill('First contact at night');
  await form.getByRole('combobox', { name: 'Business hours' }).selectOption({ label: 'Only outside business hours' });
  await form.getByRole('checkbox', { name: 'Only when the customer writes for the first time' }).check();
  await form.getByRole('combobox', { name: 'Set status' }).selectOption({ label: 'Pending' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(rules.getByTestId('rule-item')).toHaveCount(2);
  const saved = await must((await stack.device('admin', 'Reader')).socket, 'rules:list', {});
  expect(saved.find(r => r.name === 'First contact at night')?.conditions.map(c => c.kind)).toEqual([
    'number',
    'outsideHours',
    'contactNew',
  ]);
  await expect(rules.getByTestId('rule-item').first()).toContainText('Price questions');
  await expect(rules.getByTestId('rule-item').first()).toContainText('On');

  const dry = rules.getByRole('form', { name: 'Test with a sample message' });
  await dry.getByRole('textbox', { name: 'Sample message' }).fill('berapa harga?');
  await dry.getByRole('button', { name: 'Test' }).click();
  await expect(dry.getByTestId('rules-test-result')).toContainText('Matches “Price questions”');
  await expect(dry.getByTestId('rules-test-result')).toContainText('add tag pricing');
  await dry.getByRole('textbox', { name: 'Sample message' }).fill('halo');
  await dry.getByRole('button', { name: 'Test' }).click();
  await expect(dry.getByTestId('rules-test-result')).toHaveText('No rule matches this message.');
  await closeDialog(a.page, settings);
});

test('a customer asks for the price: the rule replies once and tags the chat', async () => {
  const ask = textMessage(env, { id: fakeWamid(), from: CUSTOMER, name: 'Budi', text: 'berapa harga?' });
  expect((await postWebhook(env, ask)).status).toBe(200);
  await expect.poll(() => graph.sent.length, { timeout: 15_000 }).toBe(1);
  const sent = graph.sent[0]!.body as { to: string; text: { body: string } };
  expect(sent.to).toBe(CUSTOMER);
  expect(sent.text.body).toContain('daftar harga kami');
  await a.inbox.chat(/Budi/).click();
  await expect(a.inbox.bubble('daftar harga kami')).toHaveCount(1);
  const [rows] = await stack.node.app.database.raw.query('select tags from chats where id = ?', [
    `meta_${PHONE_ID}:${CUSTOMER}@c.us`,
  ]);
  expect(String((rows as Array<{ tags: string }>)[0]?.tags)).toContain('pricing');
  // Meta delivers the same message again: nothing more is sent.
  await postWebhook(env, ask);
  await stack.node.app.cloud.idle();
  expect(graph.sent).toHaveLength(1);
});

test('a rule whose template was deleted says so under Recent failures, and the message is still stored', async () => {
  const setup = await stack.device('admin', 'Setup 2');
  const [template] = await must(setup.socket, 'template:list', {});
  await must(setup.socket, 'template:delete', { id: template!.id });
  const again = textMessage(env, { id: fakeWamid(), from: CUSTOMER, name: 'Budi', text: 'harga lagi?' });
  expect((await postWebhook(env, again)).status).toBe(200);
  await expect(a.inbox.bubble('harga lagi?')).toBeVisible();
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const automation = settings.getByRole('region', { name: 'Automation', exact: true });
  await automation.getByRole('combobox', { name: 'Number' }).selectOption({ label: 'Toko Cloud' });
  const rules = automation.getByRole('region', { name: 'Rules' });
  await expect(async () => {
    await rules.getByRole('button', { name: 'Refresh' }).click();
    await expect(rules.getByTestId('rule-failures')).toContainText('Price questions: its reply template was deleted', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  expect(graph.sent).toHaveLength(1);
  await closeDialog(a.page, settings);
});

test('a lead adds "keyword → tag + note" in Settings; a customer asks about an order and the chat shows both', async ({
  browser,
}) => {
  const setup = await stack.device('admin', 'Setup 3');
  const number = (await must(setup.socket, 'account:list', {})).find(x => x.name === 'Toko Cloud')!;
  const lead = await stack.member('lead', 'Lina Lead');
  await must(setup.socket, 'account:add-member', { accountId: number.id, memberId: lead.id });
  b = await openDevice('B', () => browser.newPage());
  await signInFromSettings(b, stack.node.url, lead.email);

  const settings = await b.inbox.openSettings('Settings', 'Automation');
  const automation = settings.getByRole('region', { name: 'Automation', exact: true });
  await automation.getByRole('combobox', { name: 'Number' }).selectOption({ label: 'Toko Cloud' });
  const form = automation.getByRole('region', { name: 'Rules' }).getByRole('form', { name: 'Add a rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Order questions');
  await form.getByRole('textbox', { name: 'Only if the message contains' }).fill('pesanan');
  await form.getByRole('textbox', { name: 'Add tag' }).fill('orders');
  await form.getByRole('textbox', { name: 'Add an internal note' }).fill('{{customer.name}} asked about an order');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByText('Rule saved.')).toBeVisible();
  const saved = (await must(setup.socket, 'rules:list', {})).find(r => r.name === 'Order questions');
  expect(saved?.actions).toEqual([
    { kind: 'addTag', tag: 'orders' },
    { kind: 'note', text: '{{customer.name}} asked about an order' },
  ]);
  await closeDialog(b.page, settings);

  const ask = textMessage(env, { id: fakeWamid(), from: CUSTOMER, name: 'Budi', text: 'pesanan saya sudah dikirim?' });
  expect((await postWebhook(env, ask)).status).toBe(200);
  const row = b.inbox.chat(/Budi/).first();
  await expect(row.locator('.tag-chip').filter({ hasText: 'orders' })).toBeVisible({ timeout: 20_000 });
  await row.click();
  await expect(b.inbox.bubble('pesanan saya sudah dikirim?')).toBeVisible();
  await expect(b.page.getByTestId('team-note').filter({ hasText: 'Budi asked about an order' })).toHaveCount(1);
  // The message is no price question: nothing more was sent to Meta.
  expect(graph.sent).toHaveLength(1);
});
