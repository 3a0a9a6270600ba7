/**
 * Issue #17, sentiment conditions on the workspace server, end to end: an admin sets the
 * workspace's AI endpoint (a loopback OpenAI-compatible server) in Settings → Automation →
 * "AI for rules" and adds "the customer's mood is negative → tag 'upset'" on the rule form.
 * A Cloud API customer complains (Meta's signed webhook, loopback Graph API) and the chat
 * row shows the tag; a happy customer's chat gets none. The key is never shown again.
 */
import type { FakeOpenAi } from '../helpers/fake-openai/server';
import { startFakeOpenAi } from '../helpers/fake-openai/server';
import type { GraphApi } from '../helpers/graph-api/server';
import { startGraphApi } from '../helpers/graph-api/server';
import { fakeWamid, postWebhook, textMessage } from '../helpers/graph-api/webhooks';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { closeDialog, openDevice, printHostLogsOnFailure, signInFromSettings } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const PHONE_ID = '106540352242933';
const TOKEN = 'EAAG' + 's'.repeat(60);
const APP_SECRET = 'app-secret-for-sentiment-0123456';
const AI_KEY = 'sk-e2e-sentiment-key-0123456789';

let stack: Stack;
let graph: GraphApi;
let ai: FakeOpenAi;
let a: Device;
let env: { url: string; appSecret: string; phoneNumberId: string; displayPhone: string };

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  ai = await startFakeOpenAi();
  // The model reads the message: a complaint is negative, anything else positive.
  ai.fallback(req => ({
    kind: 'text',
    content: JSON.stringify({ sentiment: /kecewa|buruk/i.test(req.text) ? 'negative' : 'positive' }),
  }));
  graph = await startGraphApi({ token: TOKEN, phoneNumberId: PHONE_ID });
  stack = await startStack({ cloud: { graphUrl: graph.baseUrl, pollMs: 100 }, automationJobs: { pollMs: 200 } });
  env = { url: stack.node.url, appSecret: APP_SECRET, phoneNumberId: PHONE_ID, displayPhone: '+62 812-3456-7891' };
  const setup = await stack.device('admin', 'Setup');
  await must(setup.socket, 'cloud:add', {
    name: 'Toko Mood',
    phoneNumberId: PHONE_ID,
    wabaId: '102290129340399',
    accessToken: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: 'verify-token-43',
  });
  const admin = await stack.member('admin', 'Ada Admin');
  a = await openDevice('A', () => browser.newPage());
  await signInFromSettings(a, stack.node.url, admin.email);
});

// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

test.afterAll(async () => {
  await a?.stop();
  await stack?.stop();
  await graph?.close();
  await ai?.close();
});

test('an admin sets the AI for rules and a mood rule tags a complaining customer', async () => {
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const automation = settings.getByRole('region', { name: 'Automation', exact: true });
  const aiBox = automation.getByRole('group', { name: 'AI for rules' });
  await expect(aiBox.getByTestId('automation-ai-key')).toHaveText('No key is set.');
  await aiBox.getByRole('textbox', { name: 'Endpoint (base URL)' }).fill(ai.url);
  await aiBox.getByRole('textbox', { name: 'Model' }).fill('mood-mini');
  await aiBox.getByLabel('API key').fill(AI_KEY);
  await aiBox.getByRole('button', { name: 'Save AI for rules' }).click();
  await expect(aiBox.getByTestId('automation-ai-status')).toHaveText('Saved.');
  await expect(aiBox.getByTestId('automation-ai-key')).toHaveText('A key is set. Type a new one to replace it.');
  await expect(aiBox.getByLabel('API key')).toHaveValue('');

  await automation.getByRole('combobox', { name: 'Number' }).selectOption({ label: 'Toko Mood' });
  const form = automation.getByRole('region', { name: 'Rules' }).getByRole('form', { name: 'Add a rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Upset customers');
  await form.getByRole('combobox', { name: /mood is/ }).selectOption({ label: 'Negative' });
  await form.getByRole('textbox', { name: 'Add tag' }).fill('upset');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByText('Rule saved.')).toBeVisible();
  const reader = (await stack.device('admin', 'Reader')).socket;
  const saved = (await must(reader, 'rules:list', {})).find(r => r.name === 'Upset customers');
  expect(saved?.conditions.map(c => c.kind)).toEqual(['number', 'sentiment']);
  expect(JSON.stringify(await must(reader, 'automationAi:get', {}))).not.toContain(AI_KEY);
  await closeDialog(a.page, settings);

  const happy = textMessage(env, { id: fakeWamid(), from: '6281200000001', name: 'Sinta', text: 'Terima kasih!' });
  expect((await postWebhook(env, happy)).status).toBe(200);
  const angry = textMessage(env, {
    id: fakeWamid(),
    from: '6281200000002',
    name: 'Joko',
    text: 'Saya sangat kecewa, pesanan belum sampai',
  });
  expect((await postWebhook(env, angry)).status).toBe(200);
  const row = a.inbox.chat(/Joko/).first();
  await expect(row.locator('.tag-chip').filter({ hasText: 'upset' })).toBeVisible({ timeout: 20_000 });
  await expect(a.inbox.chat(/Sinta/).first()).toBeVisible();
  await stack.node.app.automationJobs.idle();
  await expect(a.inbox.chat(/Sinta/).first().locator('.tag-chip')).toHaveCount(0);
  // The server sent the key to the endpoint, and both messages' text.
  expect(ai.requests.every(r => r.authorization === `Bearer ${AI_KEY}`)).toBe(true);
  expect(ai.requests.map(r => r.model)).toEqual(['mood-mini', 'mood-mini']);
});
