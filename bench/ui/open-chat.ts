/**
 * Opening a chat from the inbox, timed inside the page: click on the row → the chat's NEWEST
 * message painted (the next animation frame after the DOM shows it). The newest message is
 * recognised as the conversation's last virtual row holding a bubble whose text contains the
 * words of the row's preview (the preview is made from the chat's last message); a page that first paints
 * older messages, or scrolls to the bottom later, is still being waited for.
 */
import type { Page } from '@playwright/test';

/** Clicks chat row `index` (DOM order of the chat list) and resolves with the milliseconds until its newest message is painted. */
export async function openChat(page: Page, index: number): Promise<number> {
  return page.evaluate(
    i =>
      new Promise<number>((resolve, reject) => {
        const rows = document.querySelectorAll<HTMLElement>('[role="listbox"][aria-label] [role="option"]');
        const row = rows[i];
        if (!row) return reject(new Error(`no row ${i}`));
        const name = row.getAttribute('aria-label')?.split(',')[0] ?? '';
        const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
        // The preview carries a type label ("📷 Photo: …") and may be cut short: the bubble's
        // text must contain each of the preview's plain words (a cut word is still a prefix).
        const preview = squash(row.querySelector('.chat-preview')?.textContent);
        const words = preview.split(' ').filter(w => /^\p{L}{3,}$/u.test(w));
        const t0 = performance.now();
        const lastArticle = () => {
          const region = document.querySelector(`section[aria-label="Conversation with ${CSS.escape(name)}"]`);
          const vrows = [...(region?.querySelectorAll<HTMLElement>('[role="log"] [data-index]') ?? [])];
          const last = vrows.reduce<HTMLElement | null>(
            (best, r) => (best && Number(best.dataset['index']) >= Number(r.dataset['index']) ? best : r),
            null,
          );
          return last?.querySelector('article') ?? null;
        };
        const newestPainted = () => {
          const text = lastArticle()?.textContent;
          return typeof text === 'string' && words.every(w => squash(text).includes(w));
        };
        let finished = false;
        const finish = () => {
          if (finished || !newestPainted()) return;
          finished = true;
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        };
        const obs = new MutationObserver(finish);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        row.click();
        // A chat already shown needs no mutation to be complete.
        queueMicrotask(finish);
        setTimeout(() => {
          if (finished) return;
          obs.disconnect();
          const shown = squash(lastArticle()?.textContent).slice(0, 80);
          reject(new Error(`newest message of "${name}" ("${preview}") not painted in 10 s; last shown: "${shown}"`));
        }, 10_000);
      }),
    index,
  );
}
