/**
 * ai.chips_first_visible_ms: open a chat → first suggested-reply chip painted, in Debian's
 * Chromium against the headless host, with a loopback OpenAI-compatible endpoint that
 * answers after a fixed time to first token and then streams at a fixed rate. Reported
 * over that time to first token: what the app adds (settings check, prompt, redaction,
 * SDK, stream parsing, event, paint) plus streaming the first chip's own characters.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { CHROMIUM_PATH } from '../playwright.config';
import { startFakeOpenAi } from '../tests/helpers/fake-openai/server';
import { enableAi } from '../tests/e2e/pages/ai';
import { startHostProcess } from './host-process';
import type { BenchOptions, BenchResult } from './types';
import { seed } from './ui.bench';

/** The endpoint's own time to first token, and its streaming rate (12 characters a chunk). */
const TTFT_MS = 200;
const CHUNK_MS = 10;
const REPLIES = '{"replies":["Baik kak, kami cek dulu ya.","Mohon ditunggu sebentar.","Terima kasih sudah menunggu."]}';
const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/** Clicks chat row `index` and times until its first suggestion chip is painted. */
function firstChip(page: Page, index: number): Promise<number> {
  return page.evaluate(async i => {
    // The list is virtual: only rows near the view exist. Scroll until row i does.
    const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label]');
    let scroller: HTMLElement | null = list;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
    for (let tries = 0; scroller && !document.getElementById(`chat-row-${i}`) && tries < 100; tries++) {
      scroller.scrollTop += Math.max(40, scroller.clientHeight / 2);
      await new Promise(r => requestAnimationFrame(r));
    }
    return new Promise<number>((resolve, reject) => {
      const row = document.getElementById(`chat-row-${i}`);
      if (!row) return reject(new Error(`no row ${i}`));
      const t0 = performance.now();
      const seen = () =>
        document.querySelector('[role="group"][aria-label="Suggested replies"] button:not([aria-label])') !== null;
      const obs = new MutationObserver(() => {
        if (!seen()) return;
        obs.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      });
      obs.observe(document.body, { childList: true, subtree: true });
      row.click();
      setTimeout(() => {
        obs.disconnect();
        reject(new Error('no chip within 10 s'));
      }, 10_000);
    });
  }, index);
}

export async function run(opts: BenchOptions): Promise<BenchResult[]> {
  const rounds = opts.scale === 'full' ? 30 : 8;
  const dataDir = join(opts.workDir, 'data');
  mkdirSync(dataDir, { recursive: true });
  seed(dataDir, { accounts: 1, chats: rounds + 5, messages: (rounds + 5) * 20 }, () => {});
  const fake = await startFakeOpenAi();
  // Every chat's prompt differs, so no answer comes from the cache.
  fake.fallback(() => ({ kind: 'text', content: REPLIES, delayMs: TTFT_MS, chunkDelayMs: CHUNK_MS }));
  const host = await startHostProcess(dataDir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const times: number[] = [];
  try {
    await enableAi(host.url, fake.url);
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript('window.__name = function (f) { return f; }');
    await page.goto(host.url);
    await page.getByRole('listbox', { name: 'Chats' }).getByRole('option').first().waitFor();
    // Sentiment scoring of the seeded backlog also talks to the endpoint; let it finish first.
    await page.waitForTimeout(4_000);
    for (let i = 0; i < rounds; i += 1) times.push(await firstChip(page, i));
  } finally {
    await browser.close();
    await host.stop();
    await fake.close();
  }
  const p50 = median(times);
  return [
    {
      id: 'ai.chips_first_visible_ms',
      value: p50 - TTFT_MS,
      unit: 'ms',
      target: '<= 300',
      scale: { chats: rounds, ttftMs: TTFT_MS },
      note: `p50 over ${rounds} chats of open → first chip painted (${p50.toFixed(0)} ms) minus the endpoint's ${TTFT_MS} ms to first token; streaming 12 chars every ${CHUNK_MS} ms`,
    },
  ];
}
