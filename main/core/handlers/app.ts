import type { AppInfo } from '../../../common/api';
import type { DesktopPreferences, ShellLabels, appCommands } from '../../../common/api/app';
import { CommandError } from '../../../common/result';
import type { HandlerTable } from '../router';

type AppHandlers = Pick<HandlerTable, keyof typeof appCommands>;

export type DiagnosticsSource = {
  accounts(): readonly {
    id: string;
    provider: string;
    state: string;
    stateReason: string | null;
    rssBytes: number | null;
  }[];
  workspace(): { connection: string; pendingPush: number; cursor: number };
  problems(): readonly string[];
};

/** Plain text an agent can paste into a support ticket. Names, numbers and messages stay out. */
export function diagnosticsText(info: AppInfo, source: DiagnosticsSource): string {
  const lines = [
    `Blazz Desk ${info.version} (${info.shell}) on ${info.platform}`,
    `Node ${process.versions.node}${process.versions.electron ? `, Electron ${process.versions.electron}` : ''}`,
    `Started ${new Date(info.startedAt).toISOString()}`,
    '',
    'Accounts:',
    ...source
      .accounts()
      .map(
        a =>
          `  ${a.id} [${a.provider}] ${a.state}${a.stateReason ? ` — ${a.stateReason}` : ''}${a.rssBytes ? `, ${Math.round(a.rssBytes / 1048576)} MB` : ''}`,
      ),
    '',
    `Workspace: ${source.workspace().connection}, ${source.workspace().pendingPush} batches to push, cursor ${source.workspace().cursor}`,
    '',
    'Recent problems:',
    ...(source.problems().length ? source.problems().map(p => `  ${p}`) : ['  none']),
  ];
  return lines.join('\n');
}

type DesktopValues = Omit<DesktopPreferences, 'available'>;
type DesktopPatch = { launchAtLogin?: boolean | undefined; autoUpdate?: DesktopValues['autoUpdate'] | undefined };

/** The desktop preferences Electron's main keeps (main/app/desktop-preferences.ts). */
export type DesktopPreferencesStore = {
  read(): DesktopValues;
  /** Stores the change and applies it (login item, update checks); returns what is stored now. */
  update(patch: DesktopPatch): DesktopValues;
};

/** What of the app lives in Electron's main: its preferences and its tray. Absent in the headless host. */
export type DesktopPort = DesktopPreferencesStore & {
  /** The tray's words in the page's language (main has no dictionary). */
  setShellLabels(labels: ShellLabels): void;
};

const HEADLESS_PREFERENCES: DesktopPreferences = {
  available: false,
  launchAtLogin: false,
  autoUpdate: { enabled: false, url: null },
};

export function appHandlers(
  info: () => AppInfo,
  now: () => number,
  diagnostics: DiagnosticsSource,
  desktop?: DesktopPort,
): AppHandlers {
  return {
    'app:info': () => info(),
    'app:desktop-preferences': () => (desktop ? { available: true, ...desktop.read() } : HEADLESS_PREFERENCES),
    'app:set-desktop-preferences': patch => {
      if (!desktop)
        throw new CommandError(
          'unavailable',
          'Starting at login and automatic updates are settings of the desktop app; the browser version has neither.',
        );
      return { available: true, ...desktop.update(patch) };
    },
    // The browser version has no tray: nothing to label, and nothing wrong with asking.
    'app:set-shell-labels': labels => {
      desktop?.setShellLabels(labels);
      return null;
    },
    'app:diagnostics': () => ({ text: diagnosticsText(info(), diagnostics) }),
    'app:ping': ({ echo }) => ({ pong: echo, at: now() }),
  };
}
