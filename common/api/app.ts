import { z } from 'zod';
import { command } from './define';

export type ShellKind = 'electron' | 'headless';

export type AppInfo = {
  readonly name: string;
  readonly version: string;
  readonly shell: ShellKind;
  readonly platform: string;
  readonly dataDir: string;
  readonly startedAt: number;
  /** True on a fresh install with no accounts yet: the UI offers "Try the demo". */
  readonly firstRun: boolean;
};

/** What support needs to help: versions, account states, recent problems. Never message content. */
export type Diagnostics = { readonly text: string };

/**
 * Settings only the desktop app has (it starts at login, it updates itself). The headless
 * host answers `available: false` and refuses changes.
 */
export type DesktopPreferences = {
  readonly available: boolean;
  readonly launchAtLogin: boolean;
  readonly autoUpdate: { readonly enabled: boolean; readonly url: string | null };
};

const updateFeedUrl = z
  .string()
  .trim()
  .max(2000)
  .url()
  .refine(u => /^https?:\/\//i.test(u), 'The update address must start with https:// or http://');

export const desktopPreferencesPatchSchema = z
  .strictObject({
    launchAtLogin: z.boolean().optional(),
    autoUpdate: z.strictObject({ enabled: z.boolean(), url: updateFeedUrl.nullable() }).optional(),
  })
  .refine(p => !p.autoUpdate?.enabled || p.autoUpdate.url !== null, {
    message: 'Automatic updates need the address of your team’s update server',
    path: ['autoUpdate', 'url'],
  });

const shellLabel = z.string().trim().min(1).max(200);

/**
 * The words of the desktop's tray in the agent's language. Main has no dictionary of its own
 * (every word the app shows lives in the renderer's), so the page sends them at start and on
 * each change of language; the browser version has no tray and ignores them.
 */
export const shellLabelsSchema = z.strictObject({
  show: shellLabel,
  pauseNotifications: shellLabel,
  quit: shellLabel,
  /** The tooltip while messages are unread: `{count}` stands for how many. */
  unread: shellLabel.refine(s => s.includes('{count}'), 'needs {count}'),
  /** A number's state, shown after its name when it is not ready. */
  states: z
    .record(z.string().regex(/^[a-z_]{1,30}$/), shellLabel)
    .refine(r => Object.keys(r).length <= 30, 'too many states'),
});
export type ShellLabels = z.infer<typeof shellLabelsSchema>;

export const appCommands = {
  'app:info': command<AppInfo>()(z.strictObject({})),
  /** Liveness of the bridge itself; echoes so tests can check round trips. */
  'app:diagnostics': command<Diagnostics>()(z.strictObject({})),
  'app:desktop-preferences': command<DesktopPreferences>()(z.strictObject({})),
  'app:set-desktop-preferences': command<DesktopPreferences>()(desktopPreferencesPatchSchema),
  'app:set-shell-labels': command<null>()(shellLabelsSchema),
  'app:ping': command<{ readonly pong: string; readonly at: number }>()(
    z.strictObject({ echo: z.string().max(1000).default('') }),
  ),
} as const;
