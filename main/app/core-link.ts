/**
 * Main's side of the lane to the core process, without Electron so it can be tested in
 * plain Node: main keeps the window, tray, badge, safeStorage and electron-store; the core
 * asks for secrets and preference changes, and reports unread counts and the tray's words.
 */
import type { CoreToMain, MainToCore, TrayAccount } from '../core-process/control';
import { coreToMainSchema } from '../core-process/control';
import type { ShellLabels } from '../../common/api/app';
import type { DesktopPreferencesStore } from '../core/handlers/app';
import type { SecretVault } from '../platform/secret-vault';

export type CoreLinkDeps = {
  post(msg: MainToCore): void;
  readonly vault: SecretVault;
  readonly preferences: DesktopPreferencesStore;
  onAccounts(accounts: readonly TrayAccount[]): void;
  /** The tray's words, sent by the page at start and when its language changes. */
  onShellLabels(labels: ShellLabels): void;
  onReady(): void;
  onFailed(message: string): void;
  /** Tunnelled renderer replies and events (tests and scripts without MessagePorts). */
  onRenderer?(msg: unknown): void;
  onMalformed?(raw: unknown): void;
};

export type CoreLink = {
  /** First message after the fork: the preferences main stores. */
  start(): void;
  handle(raw: unknown): void;
};

/** The number on the dock/taskbar badge: unread chats of accounts the user has not muted. */
export function unreadBadge(accounts: readonly TrayAccount[]): number {
  return accounts.reduce((n, a) => n + (a.muted ? 0 : a.unread), 0);
}

export function createCoreLink(deps: CoreLinkDeps): CoreLink {
  const answerVault = (id: number, work: Promise<string | null>) =>
    work.then(
      value => deps.post({ t: 'vault-result', id, ok: true, value }),
      () => deps.post({ t: 'vault-result', id, ok: false, value: null }),
    );

  // A settings file that cannot be written must not take main down: the core gets back what
  // is stored, so its copy does not claim a change that did not happen.
  const applyPreferences = (patch: Parameters<DesktopPreferencesStore['update']>[0]) => {
    try {
      return deps.preferences.update(patch);
    } catch {
      return deps.preferences.read();
    }
  };

  const on = (msg: CoreToMain) => {
    switch (msg.t) {
      case 'ready':
        return deps.onReady();
      case 'failed':
        return deps.onFailed(msg.message);
      case 'renderer':
        return deps.onRenderer?.(msg.msg);
      case 'accounts':
        return deps.onAccounts(msg.accounts);
      case 'shell-labels':
        return deps.onShellLabels(msg.labels);
      case 'set-desktop-preferences':
        return deps.post({ t: 'desktop-preferences', values: applyPreferences(msg.patch) });
      case 'vault-get':
        return void answerVault(msg.id, deps.vault.get(msg.name));
      case 'vault-set':
        return void answerVault(
          msg.id,
          deps.vault.set(msg.name, msg.value).then(() => null),
        );
    }
  };

  return {
    start: () => deps.post({ t: 'desktop-preferences', values: deps.preferences.read() }),
    handle(raw) {
      const parsed = coreToMainSchema.safeParse(raw);
      if (parsed.success) on(parsed.data);
      else deps.onMalformed?.(raw);
    },
  };
}
