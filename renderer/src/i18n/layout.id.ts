import type { LayoutMessageKey } from './layout.en';

/** Bahasa Indonesia strings of the narrow-window layout (features/layout). */
export const layoutId: Record<LayoutMessageKey, string> = {
  'layout.sidePanel': 'Panel samping (tim, catatan, ringkasan)',
};
