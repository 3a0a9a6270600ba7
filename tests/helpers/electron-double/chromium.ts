/**
 * The one Chromium every BrowserWindow of the double is a page of (a persistent context,
 * so that a test can attach over CDP and see the same pages). Started on first use.
 */
import type { BrowserContext } from '@playwright/test';
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let context: Promise<BrowserContext> | null = null;
let cdpEndpoint: string | null = null;

export function chromiumContext(profileDir: string): Promise<BrowserContext> {
  context ??= chromium
    .launchPersistentContext(profileDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      viewport: null,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--remote-debugging-port=0',
      ],
    })
    .then(ctx => {
      const [port] = readFileSync(join(profileDir, 'DevToolsActivePort'), 'utf8').split('\n');
      cdpEndpoint = `http://127.0.0.1:${port}`;
      return ctx;
    });
  return context;
}

/** Where a test connects (chromium.connectOverCDP) to drive the windows like a user. */
export const chromiumEndpoint = (): string | null => cdpEndpoint;

export async function closeChromium(): Promise<void> {
  const ctx = context;
  context = null;
  if (ctx) await (await ctx).close().catch(() => {});
}
