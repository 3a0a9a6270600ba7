/**
 * Issue #25, status works offline, end to end: two headless hosts driven through Chromium
 * against a real workspace server on a real MariaDB. Device A is a lead hosting a simulated
 * number, device B an agent working a chat of it. While the server is down the agent sets
 * the chat's status in the team panel: it shows at once, marked "waiting to send"; once the
 * server is back it goes out, the marker goes, and the lead’s desktop shows the new status.
 * Pin and archive are the team’s too: one desktop’s pin shows on the other, and an archive
 * made offline reaches it once the server is back; mute stays the agent’s own.
 */
import type { Chat } from '../../common/domain';
import type { Stack } from '../integration/server/harness';
import { call } from '../integration/server/harness';
import { expect, test } from './fixtures';
import type { Device, WorkspaceDevice } from './team-fixtures';
import {
  agentJoins,
  assignChatToAgent,
  leadHostsNumber,
  restartServer,
  rowName,
  stopServer,
  stopTeamAfterAll,
  teamPanel,
} from './team-fixtures';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

let stack: Stack;
let admin: WorkspaceDevice;
let a: Device;
let b: Device;
let chat: Chat;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const team = await leadHostsNumber(browser);
  ({ stack, admin, a, b } = team);
  chat = await assignChatToAgent(team);
  await agentJoins(team);
  await expect(b.inbox.chat(rowName(chat.name))).toBeVisible({ timeout: 20_000 });
});

stopTeamAfterAll(() => ({ stack, devices: [a, b] }));

test('a status set offline waits on the device and reaches the other desktop once the server is back', async () => {
  await b.inbox.chat(rowName(chat.name)).click();
  const panel = teamPanel(b.page);
  await expect(panel.getByRole('radio', { name: 'Open' })).toBeChecked();

  const port = await stopServer(stack);
  await expect(b.page.getByText(/^Team workspace offline/)).toBeVisible({ timeout: 20_000 });
  await panel.getByRole('radio', { name: 'Resolved' }).check();
  await expect(panel.getByRole('radio', { name: 'Resolved' })).toBeChecked();
  const waiting = panel.getByTestId('pending-changes');
  await expect(waiting).toHaveText('Status: Resolved — waiting to send');
  await expect(panel.getByRole('alert')).toHaveCount(0);

  await restartServer(stack, port);
  await expect(waiting).toHaveCount(0, { timeout: 30_000 });
  await expect(panel.getByRole('radio', { name: 'Resolved' })).toBeChecked();
  await expect
    .poll(async () => {
      const r = await call(admin.socket, 'chat:get', { chatId: chat.id });
      return r.ok ? r.value.chat.status : null;
    })
    .toBe('resolved');

  await a.inbox.chat(rowName(chat.name)).click();
  await expect(teamPanel(a.page).getByRole('radio', { name: 'Resolved' })).toBeChecked({ timeout: 20_000 });
});

test('pin and archive are the team’s: one desktop pins, the other shows it; an archive made offline reaches it later', async () => {
  const name = chat.name;
  const rowMenu = async (d: Device) => {
    await d.inbox.chat(rowName(name)).first().click({ button: 'right' });
    const menu = d.page.getByRole('menu', { name: `Actions for ${name}` });
    await expect(menu).toBeVisible();
    return menu;
  };
  // The agent pins it: the lead's list shows it pinned too.
  await (await rowMenu(b)).getByRole('menuitem', { name: 'Pin to top' }).click();
  await expect(b.inbox.chat(rowName(name)).first()).toHaveAttribute('aria-label', /Pinned/);
  await expect(a.inbox.chat(rowName(name)).first()).toHaveAttribute('aria-label', /Pinned/, { timeout: 20_000 });
  // Mute stays the agent's own.
  await b.inbox.chat(rowName(name)).first().click();
  await b.page.keyboard.press('Control+Shift+M');
  await expect(b.inbox.chat(rowName(name)).first()).toHaveAttribute('aria-label', /Muted/);
  await expect(a.inbox.chat(rowName(name)).first()).not.toHaveAttribute('aria-label', /Muted/);

  // Offline, the agent archives it; it waits on the device and reaches the lead once the server is back.
  const port = await stopServer(stack);
  await expect(b.page.getByText(/^Team workspace offline/)).toBeVisible({ timeout: 20_000 });
  await (await rowMenu(b)).getByRole('menuitem', { name: 'Archive' }).click();
  await expect(b.inbox.chat(rowName(name))).toHaveCount(0);
  await restartServer(stack, port);
  await expect
    .poll(
      async () => {
        const r = await call(admin.socket, 'chat:get', { chatId: chat.id });
        return r.ok ? r.value.chat.archived : null;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect(a.inbox.chat(rowName(name))).toHaveCount(0, { timeout: 20_000 });
});
