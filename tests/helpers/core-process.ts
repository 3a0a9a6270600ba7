/**
 * Electron's main, played in plain Node: forks the built core process (dist/core/child.mjs)
 * as a real child, answers it with main's own link code (main/app/core-link.ts) and talks to
 * it with the preload's client (common/core-channel.ts). Without transferable MessagePorts
 * the renderer channel is tunnelled through the child's IPC lane.
 */
import type { ChildProcess } from 'node:child_process';
import { execFileSync, fork } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelClient } from '../../common/core-channel';
import { createChannelClient } from '../../common/core-channel';
import { desktopPreferences } from '../../main/app/desktop-preferences';
import type { DesktopSettings } from '../../main/app/desktop-settings-schema';
import { readDesktopSettings } from '../../main/app/desktop-settings-schema';
import { createCoreLink } from '../../main/app/core-link';
import type { CoreProcessConfig } from '../../main/core-process/config';
import type { TrayAccount } from '../../main/core-process/control';
import { fileSecretVault } from '../../main/platform/secret-vault';

const root = process.cwd();
export const CORE_ENTRY = join(root, 'dist', 'core', 'child.mjs');

/** Builds the core process bundle (and the account runtime it forks) once per test file. */
export function buildCoreProcess(): void {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--only', 'core'], { stdio: 'inherit' });
  if (!existsSync(CORE_ENTRY)) throw new Error(`${CORE_ENTRY} was not built`);
}

export type FakeMain = {
  readonly child: ChildProcess;
  readonly dataDir: string;
  /** The preload's client, over the tunnelled renderer channel. */
  readonly client: ChannelClient;
  /** Every tray update main received, newest last. */
  readonly trayUpdates: (readonly TrayAccount[])[];
  readonly launchAtLogin: boolean[];
  /** Raw renderer-lane messages from the core, for tests that send malformed ones. */
  readonly rendererMessages: unknown[];
  sendRaw(msg: unknown): void;
  ready: Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

export function startCoreProcess(extra: Omit<CoreProcessConfig, 'dataDir'> = {}): FakeMain {
  const dataDir = mkdtempSync(join(tmpdir(), 'blazz-coreproc-'));
  const config: CoreProcessConfig = { ...extra, dataDir };
  const child = fork(CORE_ENTRY, ['--config', JSON.stringify(config)], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    // Closest to a MessagePort's structured clone: functions are refused, not dropped.
    serialization: 'advanced',
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let settings: DesktopSettings = readDesktopSettings({});
  const launchAtLogin: boolean[] = [];
  const trayUpdates: (readonly TrayAccount[])[] = [];
  const rendererMessages: unknown[] = [];
  const rendererListeners: Array<(msg: unknown) => void> = [];
  const send = (msg: unknown) => {
    if (child.connected) child.send(msg as never);
  };

  let resolveReady = () => {};
  let rejectReady: (err: Error) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  void exited.then(e => rejectReady(new Error(`core process exited before ready (${e.code ?? e.signal})`)));

  const link = createCoreLink({
    post: send,
    vault: fileSecretVault(join(dataDir, 'main-secrets.json')),
    preferences: desktopPreferences(
      {
        read: () => settings,
        update: patch => (settings = readDesktopSettings({ ...settings, ...patch })),
      },
      { setLaunchAtLogin: open => launchAtLogin.push(open), checkForUpdates: () => {} },
    ),
    onAccounts: accounts => trayUpdates.push(accounts),
    onShellLabels: () => undefined,
    onReady: () => resolveReady(),
    onFailed: message => rejectReady(new Error(message)),
    onRenderer: msg => {
      rendererMessages.push(msg);
      for (const cb of rendererListeners) cb(msg);
    },
  });
  child.on('message', raw => link.handle(raw));
  link.start();

  const client = createChannelClient(
    {
      // child.send throws for an uncloneable value, as MessagePort.postMessage does.
      postMessage: msg => child.send({ t: 'renderer', msg } as never),
      onMessage: cb => void rendererListeners.push(cb),
    },
    { setTimer: (cb, ms) => setTimeout(cb, ms), clearTimer: h => clearTimeout(h as NodeJS.Timeout) },
  );
  return { child, dataDir, client, trayUpdates, launchAtLogin, rendererMessages, sendRaw: send, ready, exited };
}
