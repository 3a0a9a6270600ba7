import { z } from 'zod';

/**
 * Desktop-only preferences (electron-store in the user's config folder). Renderer
 * preferences (theme, language) live with the renderer; secrets never live here.
 */
export const desktopSettingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  windowBounds: z
    .object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
    })
    .nullable()
    .default(null),
  launchAtLogin: z.boolean().default(false),
  notificationsPaused: z.boolean().default(false),
  /** Off by default: a team decides when its desktops update (generic provider URL). */
  autoUpdate: z
    .object({ enabled: z.boolean().default(false), url: z.string().url().nullable().default(null) })
    .default({ enabled: false, url: null }),
});

export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;

/**
 * Whatever is on disk (older versions, hand edits, damage) becomes valid settings: known
 * fields that parse are kept, the rest fall back to defaults.
 */
export function readDesktopSettings(raw: unknown): DesktopSettings {
  const whole = desktopSettingsSchema.safeParse(raw ?? {});
  if (whole.success) return whole.data;
  const base = desktopSettingsSchema.parse({});
  if (typeof raw !== 'object' || raw === null) return base;
  const fields = desktopSettingsSchema.shape;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(fields) as (keyof typeof fields)[]) {
    const one = fields[key].safeParse((raw as Record<string, unknown>)[key]);
    if (one.success) out[key] = one.data;
  }
  return desktopSettingsSchema.parse(out);
}

/** Keeps a restored window on a visible screen area (a monitor may have been unplugged). */
export function visibleBounds(
  saved: DesktopSettings['windowBounds'],
  screens: readonly { x: number; y: number; width: number; height: number }[],
): DesktopSettings['windowBounds'] {
  if (!saved) return null;
  const onScreen = screens.some(
    s => saved.x + 100 > s.x && saved.y + 50 > s.y && saved.x < s.x + s.width - 100 && saved.y < s.y + s.height - 50,
  );
  return onScreen ? saved : null;
}
