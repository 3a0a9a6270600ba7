import type { Page } from '@playwright/test';

export type RecordedNotification = { readonly title: string; readonly body: string; readonly tag: string };

/**
 * Replaces the browser's Notification with a recorder that is always allowed, so a test
 * can see what the OS would have shown and "click" it.
 */
export async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    type Shown = { title: string; body: string; tag: string; onclick: (() => void) | null; close(): void };
    const shown: Shown[] = [];
    class Recorder {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(
        readonly title: string,
        readonly options: { body?: string; tag?: string } = {},
      ) {
        shown.push(this as unknown as Shown);
      }
      get body() {
        return this.options.body ?? '';
      }
      get tag() {
        return this.options.tag ?? '';
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: Recorder, configurable: true });
    Object.defineProperty(window, '__notifications', { value: shown });
  });
}

export async function notifications(page: Page): Promise<RecordedNotification[]> {
  return page.evaluate(() =>
    ((window as unknown as { __notifications: RecordedNotification[] }).__notifications ?? []).map(n => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
    })),
  );
}

export async function clickNotification(page: Page, index: number): Promise<void> {
  await page.evaluate(i => {
    const n = (window as unknown as { __notifications: { onclick: (() => void) | null }[] }).__notifications[i];
    n?.onclick?.();
  }, index);
}
