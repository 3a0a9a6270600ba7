/**
 * The core process's side of the lane to Electron's main: a secret vault and desktop
 * preferences that live in main (safeStorage and electron-store are main-only APIs).
 */
import type { DesktopPort } from '../core/handlers/app';
import type { SecretVault } from '../platform/secret-vault';
import type { CoreToMain, DesktopValues, MainToCore } from './control';

export type MainLink = {
  readonly vault: SecretVault;
  readonly desktop: DesktopPort;
  /** Feeds main's vault answers and preference values in; returns false for other messages. */
  handle(msg: MainToCore): boolean;
  /** Fails every vault call still waiting (main went away). */
  close(): void;
};

const DEFAULT_VALUES: DesktopValues = { launchAtLogin: false, autoUpdate: { enabled: false, url: null } };
const VAULT_TIMEOUT_MS = 15_000;

export function createMainLink(post: (msg: CoreToMain) => void): MainLink {
  let nextId = 1;
  const waiting = new Map<number, { settle: (ok: boolean, value: string | null) => void; timer: NodeJS.Timeout }>();
  // Main sends its stored values before anything else; reads are answered from this copy.
  let values: DesktopValues = DEFAULT_VALUES;

  const ask = (msg: (id: number) => CoreToMain): Promise<string | null> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => finish(id, false, null), VAULT_TIMEOUT_MS);
      waiting.set(id, {
        settle: (ok, value) => (ok ? resolve(value) : reject(new Error('the secret store did not answer'))),
        timer,
      });
      post(msg(id));
    });
  const finish = (id: number, ok: boolean, value: string | null) => {
    const w = waiting.get(id);
    if (!w) return;
    waiting.delete(id);
    clearTimeout(w.timer);
    w.settle(ok, value);
  };

  return {
    vault: {
      get: name => ask(id => ({ t: 'vault-get', id, name })),
      set: async (name, value) => {
        await ask(id => ({ t: 'vault-set', id, name, value }));
      },
    },
    desktop: {
      read: () => values,
      update(patch) {
        const clean = {
          ...(patch.launchAtLogin === undefined ? {} : { launchAtLogin: patch.launchAtLogin }),
          ...(patch.autoUpdate === undefined ? {} : { autoUpdate: patch.autoUpdate }),
        };
        // Main stores and applies it, then sends back what it stored; until then, the change.
        values = { ...values, ...clean };
        post({ t: 'set-desktop-preferences', patch: clean });
        return values;
      },
      setShellLabels: labels => post({ t: 'shell-labels', labels }),
    },
    handle(msg) {
      if (msg.t === 'vault-result') finish(msg.id, msg.ok, msg.value);
      else if (msg.t === 'desktop-preferences') values = msg.values;
      else return false;
      return true;
    },
    close() {
      for (const id of [...waiting.keys()]) finish(id, false, null);
    },
  };
}
