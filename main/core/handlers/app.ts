import type { AppInfo } from '../../../common/api';
import type { appCommands } from '../../../common/api/app';
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

export function appHandlers(info: () => AppInfo, now: () => number, diagnostics: DiagnosticsSource): AppHandlers {
  return {
    'app:info': () => info(),
    'app:diagnostics': () => ({ text: diagnosticsText(info(), diagnostics) }),
    'app:ping': ({ echo }) => ({ pong: echo, at: now() }),
  };
}
