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

export const appCommands = {
  'app:info': command<AppInfo>()(z.strictObject({})),
  /** Liveness of the bridge itself; echoes so tests can check round trips. */
  'app:diagnostics': command<Diagnostics>()(z.strictObject({})),
  'app:ping': command<{ readonly pong: string; readonly at: number }>()(
    z.strictObject({ echo: z.string().max(1000).default('') }),
  ),
} as const;
