/**
 * Linking a whatsapp-web.js number that cannot start its browser: the add dialog checks a
 * typed browser path, then words the failure (not the raw puppeteer text), says what to
 * check, shows the next try, and offers Try again now and Cancel.
 */
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('a number whose browser cannot start says so, with what to check, Try again now and Cancel', async ({
  page,
  host,
}) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.accounts.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('dialog', { name: 'Add account' });
  await add.getByRole('textbox', { name: 'Name', exact: true }).fill('Front desk');
  await expect(add.getByTestId('browser-detected')).toHaveText(/^Detected: .+|No browser was found/);

  // A file that is not a program is refused while typing, before anything starts.
  const browser = add.getByTestId('browser-path');
  await browser.fill(join(process.cwd(), 'package.json'));
  await expect(add.getByRole('alert')).toHaveText('This file is not a program this computer may run.');

  // A program that is not a browser: puppeteer cannot launch it.
  await browser.fill('/bin/false');
  await expect(add.getByRole('alert')).toHaveCount(0);
  await add.getByRole('button', { name: 'Add and link' }).click();

  const status = add.getByRole('status');
  await expect(status).toContainText('Not linked yet — The browser could not start.', { timeout: 30_000 });
  await expect(status).toContainText(/Next try in \d+ s|Trying again…|Stopped after 3 failed tries in a row\./);
  await expect(add.getByText(/^What to check: Check that the chosen browser opens on its own/)).toBeVisible();
  // The raw text is there for diagnostics only, folded away.
  await expect(add.getByText('Technical details')).toBeVisible();
  await expect(add.getByText(/Failed to launch the browser process/)).toBeHidden();

  await expect(add.getByRole('button', { name: 'Try again now' })).toBeVisible();
  await add.getByRole('button', { name: 'Cancel' }).click();
  await expect(add).toBeHidden();
  await expect(inbox.accounts.getByText('Front desk')).toHaveCount(0);
});
