/**
 * Issue #17, automation on a desktop that is not signed in to a workspace: the user sets
 * business hours that are closed today (a holiday) and an away message in Settings →
 * Automation, which says it runs on this computer; when a simulated customer writes, this
 * desktop's core answers with the away message, and the chat shows it exactly once.
 */
import type { Chat, Message } from '../../common/domain';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { closeDialog, hostCall, openDevice, printHostLogsOnFailure, rowName, storedMessages } from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

let a: Device;
const AWAY = 'Thanks {{customer.name}}! {{number.name}} is closed, we answer from {{next_opening}}.';

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  a = await openDevice('Solo', () => browser.newPage());
  await a.inbox.addSimulatedNumber('Toko Solo');
});

test.afterAll(async () => {
  await a?.stop();
});

// Playwright requires the fixtures argument to be destructured, even when none is used.
// eslint-disable-next-line no-empty-pattern
test.afterEach(({}, testInfo) => printHostLogsOnFailure(testInfo, [a]));

/** This desktop's automated messages (marked automated) that say the number is closed, per chat. */
async function awayMessages(): Promise<Map<string, Message[]>> {
  const chats = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const out = new Map<string, Message[]>();
  for (const c of chats.items.filter(x => !x.isGroup)) {
    const away = (await storedMessages(a, c.id)).filter(
      m => m.fromMe && m.automated === true && /is closed/.test(m.body ?? ''),
    );
    if (away.length) out.set(c.id, away);
  }
  return out;
}

test('not signed in, a closed number answers a customer with the away message once', async () => {
  const { page } = a;
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const section = settings.getByRole('region', { name: 'Automation', exact: true });
  await expect(section.getByTestId('automation-local')).toHaveText(
    'Runs on this computer while you are not signed in to a workspace.',
  );
  await section.getByRole('checkbox', { name: 'Use business hours' }).check();
  await section.getByRole('combobox', { name: 'Time zone' }).selectOption('UTC');
  // Today and tomorrow (UTC) are holidays: closed now whatever the hour the test runs at.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const d of [day(0), day(1)]) {
    await section.locator('input[type=date]').fill(d);
    await section.getByRole('button', { name: 'Add holiday' }).click();
    await expect(section.getByRole('button', { name: `Remove holiday ${d}` })).toBeVisible();
  }
  const away = section.getByTestId('automation-away');
  await away.getByRole('checkbox', { name: 'On' }).check();
  await away.getByRole('textbox', { name: 'Message' }).fill(AWAY);
  await section.getByRole('button', { name: 'Save automation' }).click();
  await expect(section.getByRole('status').first()).toHaveText('Saved.');
  // No assignment without a team.
  await expect(section.getByRole('combobox', { name: 'Assign to' })).toHaveCount(0);
  await closeDialog(page, settings);
  await expect(page.getByRole('navigation', { name: 'WhatsApp accounts' }).getByTestId('opening-status')).toContainText(
    'Closed — opens',
  );

  // Simulated customers write on their own (live chatter); the first 1:1 message gets the away reply.
  await expect
    .poll(async () => (await awayMessages()).size, { timeout: 90_000, intervals: [1_000] })
    .toBeGreaterThan(0);
  const [[chatId, list]] = [...(await awayMessages())];
  expect(list![0]!.body).toMatch(/^Thanks .*! Toko Solo is closed, we answer from \w{3} \d{1,2} \w{3}, 09:00\.$/);
  const chats = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const chat = chats.items.find(c => c.id === chatId)!;
  await a.inbox.chat(rowName(chat.name)).first().click();
  const reply = a.inbox.messages.getByRole('article').filter({ hasText: 'Toko Solo is closed, we answer from' });
  await expect(reply).toHaveCount(1, { timeout: 30_000 });
  // The customer keeps writing: still one away message in this closed period.
  await page.waitForTimeout(5_000);
  await expect(reply).toHaveCount(1);
  for (const l of (await awayMessages()).values()) expect(l).toHaveLength(1);
});

test('not signed in, a rule for Indonesian messages is saved and tried as a message and as a wait', async () => {
  const { page } = a;
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const rules = settings.getByRole('region', { name: 'Rules' });
  const form = rules.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Bahasa');
  await form
    .getByRole('group', { name: 'Only if the message is in' })
    .getByRole('checkbox', { name: 'Indonesian' })
    .check();
  await expect(form.getByRole('combobox', { name: 'Only if the customer’s mood is' })).toBeVisible();
  await form.getByRole('textbox', { name: 'Add tag' }).fill('bahasa');
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByText('Rule saved.')).toBeVisible();
  const saved = await hostCall<Array<{ name: string; conditions: Array<{ kind: string }> }>>(a, 'local-rules:list', {});
  expect(saved.find(r => r.name === 'Bahasa')?.conditions).toContainEqual({ kind: 'language', languages: ['id'] });

  const dry = rules.getByRole('form', { name: 'Test with a sample message' });
  await dry.getByRole('textbox', { name: 'Sample message' }).fill('Halo kak, pesanan saya belum sampai');
  await dry.getByRole('button', { name: 'Test' }).click();
  await expect(dry.getByTestId('rules-test-result')).toContainText('Matches “Bahasa”');
  await dry.getByRole('textbox', { name: 'Sample message' }).fill('Hello, where is my order?');
  await dry.getByRole('button', { name: 'Test' }).click();
  await expect(dry.getByTestId('rules-test-result')).toHaveText('No rule matches this message.');
  // A customer's wait is a chat trigger: no text, so the message rule does not match.
  await dry.getByRole('combobox', { name: 'Try it as' }).selectOption({ label: 'A customer waits for a reply' });
  await expect(dry.getByRole('textbox', { name: 'Sample message' })).toHaveCount(0);
  await dry.getByRole('button', { name: 'Test' }).click();
  await expect(dry.getByTestId('rules-test-result')).toHaveText('No rule matches this message.');
  await closeDialog(page, settings);
});

test('not signed in, a "customer waits 1 minute" rule answers each waiting customer once, marked Automated', async () => {
  const { page } = a;
  const WAIT = 'Maaf menunggu, {{customer.name}}: kami segera membalas.';
  await hostCall(a, 'templates:save', { shortcut: 'tunggu', title: 'Tunggu', body: WAIT });
  const settings = await a.inbox.openSettings('Settings', 'Automation');
  const rules = settings.getByRole('region', { name: 'Rules' });
  const form = rules.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('textbox', { name: 'Rule name' }).fill('Waits a minute');
  await form.getByRole('combobox', { name: 'When' }).selectOption({ label: 'A customer waits for a reply' });
  await expect(form.getByText('Checked on this computer while you are not signed in')).toBeVisible();
  await form.getByRole('spinbutton', { name: 'After how many minutes without a reply' }).fill('1');
  await form.getByRole('combobox', { name: 'Reply with team template' }).selectOption({ label: 'Tunggu' });
  await form.getByRole('button', { name: 'Save rule' }).click();
  await expect(form.getByText('Rule saved.')).toBeVisible();
  // The status trigger is offered too, with what it means here.
  await form.getByRole('combobox', { name: 'When' }).selectOption({ label: 'A member changes the chat’s status' });
  await expect(form.getByText('Runs when you change the status of a chat on this computer')).toBeVisible();
  await closeDialog(page, settings);

  /** The rule's replies per chat: this desktop's automated messages that start like the template. */
  const waitReplies = async (): Promise<Map<string, Message[]>> => {
    const chats = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
    const out = new Map<string, Message[]>();
    for (const c of chats.items.filter(x => !x.isGroup)) {
      const list = (await storedMessages(a, c.id)).filter(
        m => m.fromMe && m.automated === true && (m.body ?? '').startsWith('Maaf menunggu'),
      );
      if (list.length) out.set(c.id, list);
    }
    return out;
  };
  // Customers have been writing for minutes with nobody answering (the away message is no answer).
  await expect
    .poll(async () => (await waitReplies()).size, { timeout: 120_000, intervals: [2_000] })
    .toBeGreaterThan(0);
  // Two more rounds of the timer: still one reply per wait.
  await page.waitForTimeout(35_000);
  const replies = await waitReplies();
  for (const list of replies.values()) expect(list).toHaveLength(1);
  const runs = await hostCall<Array<{ triggerKey: string; status: string }>>(a, 'local-rules:runs', {});
  const waits = runs.filter(r => r.triggerKey.startsWith('unanswered:'));
  expect(new Set(waits.map(r => r.triggerKey)).size).toBe(waits.length);

  const [[chatId]] = [...replies];
  const chats = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const chat = chats.items.find(c => c.id === chatId)!;
  await a.inbox.chat(rowName(chat.name)).first().click();
  const reply = a.inbox.messages.getByRole('article', { name: 'Message sent by automation' }).filter({
    hasText: 'Maaf menunggu',
  });
  await expect(reply).toHaveCount(1, { timeout: 30_000 });
  await expect(reply.getByTestId('message-automated')).toHaveText(/Automated/);
});
