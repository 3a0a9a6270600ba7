import Store from 'electron-store';
import type { DesktopSettings } from './desktop-settings-schema';
import { readDesktopSettings } from './desktop-settings-schema';

/** electron-store behind the zod schema: reads are always valid, writes are whole objects. */
export function openDesktopSettings() {
  const store = new Store<Record<string, unknown>>({ name: 'desktop-settings', clearInvalidConfig: true });
  return {
    read: (): DesktopSettings => readDesktopSettings(store.store),
    update(patch: Partial<DesktopSettings>): DesktopSettings {
      const next = readDesktopSettings({ ...readDesktopSettings(store.store), ...patch });
      store.store = next;
      return next;
    },
  };
}
