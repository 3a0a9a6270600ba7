/**
 * Issue #20, end to end: an agent's desktop (B) that does not host the number sends a 20 MB
 * document and a recorded voice note; both go through the workspace server to the lead's
 * desktop (A), which hosts the simulated number and sends them. The customer receives each
 * exactly once, counted in A's store (one outgoing message per provider send).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import type { Chat, Message } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device } from './team-fixtures';
import { hostCall, leadHostsAgentJoins, rowName, stopTeamAfterAll, storedMessages, teamPanel } from './team-fixtures';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
  },
});
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let stack: Stack;
let a: Device;
let b: Device;
const CAPTION = `Katalog lengkap ${Date.now().toString(36)}`;
const DOC_BYTES = 20 * 1024 * 1024;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  test.setTimeout(240_000);
  ({ stack, a, b } = await leadHostsAgentJoins(browser));
});

stopTeamAfterAll(() => ({ stack, devices: [a, b] }));

/** What A, the number's host, sent to the customer: its outgoing messages with a provider id. */
const sentByA = async (chatId: string): Promise<Message[]> =>
  (await storedMessages(a, chatId)).filter(m => m.fromMe && m.clientMessageId !== null && m.ack !== 'pending');

test('a 20 MB document and a voice note from a desktop that does not host the number reach the customer once', async () => {
  const list = await hostCall<{ items: Chat[] }>(a, 'chats:list', {});
  const chat = list.items.find(c => !c.isGroup && c.lastMessageAt !== null)!;
  await a.inbox.chat(rowName(chat.name)).click();
  const panel = teamPanel(a.page);
  await panel.getByLabel('Assignee').selectOption({ label: 'Arif Agent' });
  await panel.getByRole('button', { name: 'Assign' }).click();
  await expect(panel.getByTestId('team-assignee')).toContainText('Assigned to Arif Agent');

  const row = b.inbox.chat(rowName(chat.name));
  await expect(row).toBeVisible({ timeout: 15_000 });
  await row.click();

  // The document: picked in B's browser, uploaded to B's host, then to the server, then to A.
  const file = join(b.host.dataDir, 'katalog.pdf');
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(DOC_BYTES - 9, 0x41)]);
  writeFileSync(file, pdf);
  await b.page.getByLabel('Attach a file').last().setInputFiles(file);
  await expect(b.page.getByLabel('Attachment', { exact: true })).toContainText('katalog.pdf', { timeout: 30_000 });
  await b.inbox.composer.fill(CAPTION);
  await b.inbox.composer.press('Enter');
  await expect(b.inbox.bubble(CAPTION).getByRole('img', { name: /^(Sent|Delivered|Read)$/ })).toBeVisible({
    timeout: 90_000,
  });

  // The voice note: recorded from Chromium's fake microphone, sent at once.
  await b.page.getByRole('button', { name: 'Record a voice note' }).click();
  await expect(b.page.getByRole('timer')).toHaveText('0:02', { timeout: 10_000 });
  await b.page.getByRole('button', { name: 'Send the voice note' }).click();

  await expect
    .poll(async () => (await sentByA(chat.id)).filter(m => m.type === 'voice').length, { timeout: 60_000 })
    .toBe(1);
  const sent = await sentByA(chat.id);
  const docs = sent.filter(m => m.caption === CAPTION);
  expect(docs).toHaveLength(1);
  expect(docs[0]?.type).toBe('document');
  expect(docs[0]?.media?.size).toBe(DOC_BYTES);
  expect(readFileSync(docs[0]?.media?.localPath ?? '').equals(pdf)).toBe(true);
  const voice = sent.filter(m => m.type === 'voice');
  expect(voice).toHaveLength(1);
  expect(
    readFileSync(voice[0]?.media?.localPath ?? '')
      .subarray(0, 4)
      .toString(),
  ).toBe('OggS');
  // B's store holds each once too, under the provider id A's send got.
  const onB = (await storedMessages(b, chat.id)).filter(m => m.fromMe && m.clientMessageId !== null);
  expect(onB.filter(m => m.caption === CAPTION)).toHaveLength(1);
  expect(onB.filter(m => m.type === 'voice')).toHaveLength(1);
});
