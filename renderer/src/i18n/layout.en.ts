/** English strings of the narrow-window layout (features/layout). */
export const layoutEn = {
  'layout.sidePanel': 'Side panel (team, notes, summary)',
} as const;

export type LayoutMessageKey = keyof typeof layoutEn;
