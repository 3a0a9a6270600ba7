import { expect, test } from './fixtures';

test('the shell renders data that came from the core through the bridge', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Blazz Desk' })).toBeVisible();
  const about = page.getByRole('region', { name: 'About this installation' });
  await expect(about).toBeVisible();
  // The data folder is only known to the core: seeing it proves the round trip.
  await expect(about.getByText(host.dataDir)).toBeVisible();
  await expect(about.getByText('Headless host')).toBeVisible();
  // Diagnostics come from the core too: versions and account states, for a support ticket.
  await about.getByRole('button', { name: 'Copy diagnostics' }).click();
  const diagnostics = about.getByRole('textbox', { name: 'Copy diagnostics' });
  await expect(diagnostics).toHaveValue(/\(headless\) on linux[\s\S]*Accounts:[\s\S]*Recent problems:/);
  // The token leaves the address bar once it has been read.
  expect(page.url()).not.toContain('token=');
  // A reload in the same tab keeps working (token kept for the tab).
  await page.reload();
  await expect(about.getByText(host.dataDir)).toBeVisible();
});

test('without the token the page explains how to get in and shows no data', async ({ page, host }) => {
  await page.goto(host.origin + '/');
  await expect(page.getByRole('alert')).toContainText('no valid access token');
  await expect(page.getByText(host.dataDir)).toHaveCount(0);
});

test('a wrong token is refused', async ({ page, host }) => {
  await page.goto(`${host.origin}/#token=not-the-right-token-at-all`);
  await expect(page.getByRole('alert')).toContainText('no valid access token');
  await expect(page.getByText(host.dataDir)).toHaveCount(0);
});
