/**
 * On a desktop signed in to a real workspace server (MariaDB), driven through Chromium:
 *
 * The inbox shows who each chat is assigned to: the assignee's initials on the row (their
 * name in its tooltip and in the row's accessible name), on a desktop signed in to a real
 * workspace server, put there by assigning through the team panel. The number's chip beside
 * them keeps a readable width.
 *
 * An admin publishes a template to the team from Settings, edits it there and removes it
 * after confirming; the server holds each change.
 */
import type { Chat } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { must, startStack } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device, WorkspaceDevice } from './team-fixtures';
import {
  hostCall,
  openDevice,
  registeredAccountId,
  rowName,
  signInFromSettings,
  stopTeamAfterAll,
  teamPanel,
} from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 150_000 });

let stack: Stack;
let a: Device;
let ops: WorkspaceDevice;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  stack = await startStack();
  a = await openDevice('A', () => browser.newPage());
});

stopTeamAfterAll(() => ({ stack, devices: [a] }));

test('a chat row shows its assignee’s initials and names them', async () => {
  const { page, inbox } = a;
  ops = await stack.device('admin', 'Ops Admin');
  const admin = await stack.member('admin', 'Ada Admin');
  const agent = await stack.member('agent', 'Arif Setiawan');
  await inbox.addSimulatedNumber('Toko Ada');
  await expect(inbox.chat(/via Toko Ada/).first()).toBeVisible({ timeout: 30_000 });
  await signInFromSettings(a, stack.node.url, admin.email);
  const accountId = await registeredAccountId(ops, 'Toko Ada');
  await must(ops.socket, 'account:add-member', { accountId, memberId: agent.id });

  const chat = (await hostCall<{ items: Chat[] }>(a, 'chats:list', {})).items.find(c => !c.isGroup);
  expect(chat).toBeDefined();
  const row = inbox.chat(rowName(chat?.name ?? '')).first();
  await expect(row.getByTestId('row-assignee')).toHaveCount(0);

  // The desktop pushes its chats after sign-in: assign once the server has this one.
  await expect
    .poll(async () => (await must(ops.socket, 'chat:get', { chatId: chat?.id ?? '' }).catch(() => null)) !== null, {
      timeout: 20_000,
    })
    .toBe(true);
  await row.click();
  const panel = teamPanel(page);
  await panel.getByLabel('Assignee').selectOption({ label: 'Arif Setiawan' });
  await panel.getByRole('button', { name: /^(Assign|Transfer)$/ }).click();
  await expect(panel.getByTestId('team-assignee')).toContainText('Assigned to Arif Setiawan');

  await expect(row.getByTestId('row-assignee')).toHaveText('AS');
  await expect(row.getByTestId('row-assignee')).toHaveAttribute('title', 'Assigned to Arif Setiawan');
  await expect(row).toHaveAttribute('aria-label', /Assigned to Arif Setiawan/);
  // The number's name stays readable beside the chips, with its full name as a tooltip.
  const chip = row.getByTitle('Toko Ada');
  expect((await chip.boundingBox())?.width ?? 0).toBeGreaterThan(30);
});

test('an admin publishes a team template, edits it and removes it, all from Settings', async () => {
  const { page, inbox } = a;
  const serverTemplates = async () => must(ops.socket, 'template:list', {});
  const settings = await inbox.openSettings('Settings', 'Templates and tags');
  const add = settings.getByRole('form', { name: 'Add template' });
  await add.getByLabel('Shortcut (typed after /)').fill('ongkir');
  await add.getByLabel('Title').fill('Shipping cost');
  await add.getByLabel('Text').fill('Ongkir ke Jakarta Rp10.000.');
  await add.getByRole('checkbox', { name: /Share with the team/ }).check();
  await add.getByRole('button', { name: 'Add template' }).click();
  const item = settings.getByRole('listitem').filter({ hasText: '/ongkir' });
  await expect(item.getByText('Team', { exact: true })).toBeVisible();
  await expect
    .poll(async () => (await serverTemplates()).map(x => `${x.shortcut}:${x.body}`))
    .toEqual(['ongkir:Ongkir ke Jakarta Rp10.000.']);

  await settings.getByRole('button', { name: 'Edit /ongkir' }).click();
  const edit = settings.getByRole('form', { name: 'Edit template' });
  await expect(edit.getByRole('checkbox', { name: /Share with the team/ })).toBeChecked();
  await edit.getByLabel('Text').fill('Ongkir ke Jakarta Rp12.000.');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(settings.getByText('Ongkir ke Jakarta Rp12.000.')).toBeVisible();
  await expect
    .poll(async () => (await serverTemplates()).map(x => `${x.shortcut}:${x.body}`))
    .toEqual(['ongkir:Ongkir ke Jakarta Rp12.000.']);

  await settings.getByRole('button', { name: 'Delete /ongkir' }).click();
  await page
    .getByRole('dialog', { name: 'Delete the template /ongkir?' })
    .getByRole('button', { name: 'Delete template' })
    .click();
  await expect(settings.getByRole('button', { name: 'Delete /ongkir' })).toHaveCount(0);
  await expect.poll(async () => (await serverTemplates()).length).toBe(0);
});
