/**
 * The pairing-code phone field validates in the browser: its pattern must compile under the
 * `v` flag Chromium uses for `pattern` (an invalid one is silently ignored, and then a local
 * "0812…" number passes as if it were international).
 */
import { expect, test } from './fixtures';
import { InboxPage } from './pages/inbox.page';

test('the pairing phone field refuses a local number and takes an international one', async ({ page, host }) => {
  const inbox = new InboxPage(page);
  await inbox.open(host.url);
  await inbox.accounts.getByRole('button', { name: 'Add account' }).click();
  const add = page.getByRole('dialog', { name: 'Add account' });
  await add.getByRole('radio', { name: 'Phone number (pairing code)' }).check();
  const phone = add.getByRole('textbox', { name: 'Phone number, international format' });
  const mismatch = () => phone.evaluate(el => (el as HTMLInputElement).validity.patternMismatch);

  await phone.fill('081234567890');
  expect(await mismatch()).toBe(true);
  await expect(phone).toHaveAttribute('title', /country code first/);
  await phone.fill('6281234567890');
  expect(await mismatch()).toBe(false);
  await phone.fill('+62 812-3456-7890');
  expect(await mismatch()).toBe(false);
});
