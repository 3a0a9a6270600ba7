/**
 * Main's lane to the core process without Electron: main's link (main/app/core-link.ts) and
 * the core's (main/core-process/main-link.ts) wired back to back, every message through the
 * zod schemas each side parses with, and a structured clone in between as a real port does.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CoreLinkDeps } from '../../../main/app/core-link';
import { createCoreLink, unreadBadge } from '../../../main/app/core-link';
import { mainToCoreSchema } from '../../../main/core-process/control';
import { createMainLink } from '../../../main/core-process/main-link';
import type { SecretVault } from '../../../main/platform/secret-vault';
import { INDONESIAN_TRAY_LABELS } from '../../helpers/shell-labels';

const flush = () => new Promise(r => setTimeout(r, 0));

function wire(overrides: Partial<CoreLinkDeps> = {}) {
  const secrets = new Map<string, string>();
  const vault: SecretVault = {
    get: async name => secrets.get(name) ?? null,
    set: async (name, value) => {
      if (value === null) secrets.delete(name);
      else secrets.set(name, value);
    },
  };
  let stored = { launchAtLogin: false, autoUpdate: { enabled: false, url: null as string | null } };
  const preferences = {
    read: () => stored,
    update: vi.fn((patch: { launchAtLogin?: boolean | undefined }) => {
      stored = { ...stored, ...(patch.launchAtLogin === undefined ? {} : { launchAtLogin: patch.launchAtLogin }) };
      return stored;
    }),
  };
  const deps = {
    vault,
    preferences,
    onAccounts: vi.fn(),
    onShellLabels: vi.fn(),
    onReady: vi.fn(),
    onFailed: vi.fn(),
    onMalformed: vi.fn(),
    ...overrides,
  };
  // Each side posts into the other; the core side gets only what its schema accepts.
  const coreSide = createMainLink(msg => main.handle(structuredClone(msg)));
  const main = createCoreLink({
    ...deps,
    post: msg => {
      const parsed = mainToCoreSchema.parse(structuredClone(msg));
      coreSide.handle(parsed);
    },
  });
  return { main, coreSide, deps, secrets, preferences };
}

describe('main ↔ core process lane', () => {
  it('keeps secrets in main: the core reads and writes them over the lane', async () => {
    const { coreSide, secrets } = wire();
    await coreSide.vault.set('workspace.token', 't0k3n');
    expect(secrets.get('workspace.token')).toBe('t0k3n');
    await expect(coreSide.vault.get('workspace.token')).resolves.toBe('t0k3n');
    await coreSide.vault.set('workspace.token', null);
    await expect(coreSide.vault.get('workspace.token')).resolves.toBeNull();
  });

  it('fails a vault call when main cannot decrypt, and when main goes away', async () => {
    const broken: SecretVault = { get: () => Promise.reject(new Error('keychain locked')), set: async () => {} };
    const { coreSide } = wire({ vault: broken });
    await expect(coreSide.vault.get('workspace.token')).rejects.toThrow(/did not answer/);

    const silent = createMainLink(() => {});
    const waiting = silent.vault.get('x');
    silent.close();
    await expect(waiting).rejects.toThrow();
  });

  it('answers preference reads from main’s values and sends changes to main to apply', () => {
    const { main, coreSide, preferences } = wire();
    main.start();
    expect(coreSide.desktop.read()).toEqual({ launchAtLogin: false, autoUpdate: { enabled: false, url: null } });
    expect(coreSide.desktop.update({ launchAtLogin: true }).launchAtLogin).toBe(true);
    expect(preferences.update).toHaveBeenCalledWith({ launchAtLogin: true });
    expect(coreSide.desktop.read().launchAtLogin).toBe(true);
  });

  it('sends back what is stored when main cannot write the change', () => {
    const { main, coreSide, preferences } = wire();
    main.start();
    preferences.update.mockImplementationOnce(() => {
      throw new Error('disk full');
    });
    coreSide.desktop.update({ launchAtLogin: true });
    expect(coreSide.desktop.read().launchAtLogin).toBe(false);
  });

  it('feeds the tray and badge, and reports ready and failure', () => {
    const { main, deps } = wire();
    const accounts = [
      { id: 'a', name: 'Sales', unread: 3, state: 'ready', muted: false },
      { id: 'b', name: 'Noisy', unread: 40, state: 'ready', muted: true },
    ];
    main.handle({ t: 'accounts', accounts });
    expect(deps.onAccounts).toHaveBeenCalledWith(accounts);
    expect(unreadBadge(accounts)).toBe(3);
    main.handle({ t: 'ready' });
    expect(deps.onReady).toHaveBeenCalledOnce();
    main.handle({ t: 'failed', message: 'database is locked' });
    expect(deps.onFailed).toHaveBeenCalledWith('database is locked');
  });

  it('hands the page’s words for the tray from the core to main', () => {
    const { main, coreSide, deps } = wire();
    const labels = INDONESIAN_TRAY_LABELS;
    coreSide.desktop.setShellLabels(labels);
    expect(deps.onShellLabels).toHaveBeenCalledWith(labels);
    // A sender that skipped the core's check is still held to the lane's schema.
    main.handle({ t: 'shell-labels', labels: { ...labels, unread: 'no count' } });
    main.handle({ t: 'shell-labels', labels: { ...labels, show: 'x'.repeat(5000) } });
    expect(deps.onShellLabels).toHaveBeenCalledTimes(1);
    expect(deps.onMalformed).toHaveBeenCalledTimes(2);
  });

  it('ignores malformed messages from the core without throwing', async () => {
    const { main, deps, secrets } = wire();
    for (const raw of [null, 42, 'ready', { t: 'vault-get', id: -1, name: 'x' }, { t: 'accounts', accounts: 'all' }]) {
      expect(() => main.handle(raw)).not.toThrow();
    }
    main.handle({ t: 'vault-set', id: 1, name: '', value: 'x' });
    await flush();
    expect(secrets.size).toBe(0);
    expect(deps.onMalformed).toHaveBeenCalledTimes(6);
    expect(deps.onAccounts).not.toHaveBeenCalled();
  });
});
