import { vi } from 'vitest';

/**
 * What the renderer's modules read when they load (i18n picks the language, settings read
 * localStorage) and the global React the .tsx files compile against in vitest. Call before
 * importing renderer modules; type-only imports are erased, so they may stay at the top.
 */
export async function stubBrowserGlobals(): Promise<void> {
  vi.stubGlobal('document', { documentElement: { lang: 'en' } });
  vi.stubGlobal('navigator', { language: 'en-GB', platform: 'Linux x86_64' });
  vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => {} });
  vi.stubGlobal('React', await import('react'));
}
