import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (never a downloaded browser) against the real
// headless host, started per test by tests/e2e/fixtures.ts.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Issue #21's bug tests run twice: at a desktop size and at the window's minimum, 880×560,
 * where the layout bugs it lists lived. tests/e2e/viewport.ts gives each the size of its run.
 */
const BUG_SPECS = [
  'inbox-read-while-open.spec.ts',
  'inbox-composer-grow.spec.ts',
  'inbox-contrast.spec.ts',
  'inbox-bahasa-previews.spec.ts',
  'inbox-scroll-image.spec.ts',
  'inbox-empty.spec.ts',
  'inbox-pairing-phone.spec.ts',
  'inbox-templates-hint.spec.ts',
  'inbox-sim-linking.spec.ts',
  'inbox-chat-actions.spec.ts',
  'settings-notify-blocked.spec.ts',
  'settings-templates.spec.ts',
].map(f => `**/${f}`);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/results/playwright.json' }]],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop' },
    { name: 'min-880x560', testMatch: BUG_SPECS, use: { viewport: { width: 880, height: 560 } } },
  ],
});
