/**
 * "Start at login" and "Automatic updates" from Settings: stored in the desktop settings file,
 * applied through Electron only when they change, refused plainly by the headless host.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { desktopPreferences } from '../../../main/app/desktop-preferences';
import type { DesktopSettings } from '../../../main/app/desktop-settings-schema';
import { readDesktopSettings } from '../../../main/app/desktop-settings-schema';
import type { Core } from '../../../main/core/core';
import { createCore } from '../../../main/core/core';
import type { ShellLabels } from '../../../common/api/app';
import type { DesktopPort } from '../../../main/core/handlers/app';
import { silentLogger } from '../../../main/platform/log';
import { callCore } from '../../helpers/core';
import { INDONESIAN_TRAY_LABELS } from '../../helpers/shell-labels';

function memorySettings(initial: unknown = {}) {
  let stored = readDesktopSettings(initial);
  return {
    read: () => stored,
    update(patch: Partial<DesktopSettings>) {
      stored = readDesktopSettings({ ...stored, ...patch });
      return stored;
    },
  };
}

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    effects: {
      setLaunchAtLogin: (open: boolean) => calls.push(`login:${open}`),
      checkForUpdates: (u: DesktopSettings['autoUpdate']) => calls.push(`update:${u.url}`),
    },
  };
}

const cores: Core[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function core(desktop?: DesktopPort): Promise<Core> {
  const dataDir = mkdtempSync(join(tmpdir(), 'blazz-prefs-'));
  dirs.push(dataDir);
  const c = await createCore({
    dataDir,
    shell: desktop ? 'electron' : 'headless',
    version: 'test',
    log: silentLogger,
    restoreAccounts: false,
    ...(desktop ? { desktop } : {}),
  });
  cores.push(c);
  return c;
}

describe('desktop preferences', () => {
  it('stores a change and applies only what changed', () => {
    const settings = memorySettings();
    const { calls, effects } = recorder();
    const prefs = desktopPreferences(settings, effects);
    expect(prefs.read()).toEqual({ launchAtLogin: false, autoUpdate: { enabled: false, url: null } });

    prefs.update({ launchAtLogin: true });
    prefs.update({ launchAtLogin: true });
    expect(calls).toEqual(['login:true']);

    prefs.update({ autoUpdate: { enabled: true, url: 'https://updates.example.com/desk' } });
    prefs.update({ launchAtLogin: false });
    expect(calls).toEqual(['login:true', 'update:https://updates.example.com/desk', 'login:false']);
    expect(settings.read().autoUpdate).toEqual({ enabled: true, url: 'https://updates.example.com/desk' });

    prefs.update({ autoUpdate: { enabled: false, url: 'https://updates.example.com/desk' } });
    expect(calls).toHaveLength(3);
  });

  it('reach the renderer through the typed API, with bad input refused as data', async () => {
    const settings = memorySettings();
    const { calls, effects } = recorder();
    const c = await core({ ...desktopPreferences(settings, effects), setShellLabels: () => undefined });
    const ctx = { transport: 'internal' } as const;

    expect(await callCore(c, 'app:desktop-preferences', {})).toMatchObject({ available: true, launchAtLogin: false });
    const changed = await callCore(c, 'app:set-desktop-preferences', { launchAtLogin: true });
    expect(changed).toMatchObject({ available: true, launchAtLogin: true });

    const noUrl = await c.dispatch('app:set-desktop-preferences', { autoUpdate: { enabled: true, url: null } }, ctx);
    expect(noUrl).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    const ftp = await c.dispatch(
      'app:set-desktop-preferences',
      { autoUpdate: { enabled: true, url: 'ftp://updates.example.com' } },
      ctx,
    );
    expect(ftp).toMatchObject({ ok: false, error: { code: 'invalid_args' } });
    expect(calls).toEqual(['login:true']);
  });

  it('are unavailable in the headless host, which says why', async () => {
    const c = await core();
    expect(await callCore(c, 'app:desktop-preferences', {})).toEqual({
      available: false,
      launchAtLogin: false,
      autoUpdate: { enabled: false, url: null },
    });
    const reply = await c.dispatch('app:set-desktop-preferences', { launchAtLogin: true }, { transport: 'internal' });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('desktop app') },
    });
  });
});

const ID_LABELS = INDONESIAN_TRAY_LABELS;

describe('the tray’s words', () => {
  it('go from the page to main in the desktop app; bad ones are refused as data', async () => {
    const sent: ShellLabels[] = [];
    const settings = memorySettings();
    const c = await core({
      ...desktopPreferences(settings, recorder().effects),
      setShellLabels: labels => sent.push(labels),
    });
    expect(await callCore(c, 'app:set-shell-labels', ID_LABELS)).toBeNull();
    expect(sent).toEqual([ID_LABELS]);

    const ctx = { transport: 'internal' } as const;
    for (const bad of [
      { ...ID_LABELS, unread: 'no count here' },
      { ...ID_LABELS, quit: '' },
      { ...ID_LABELS, extra: 'x' },
      { ...ID_LABELS, states: { 'not a state!': 'x' } },
      { ...ID_LABELS, show: 'x'.repeat(201) },
    ])
      expect(await c.dispatch('app:set-shell-labels', bad, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_args' },
      });
    expect(sent).toHaveLength(1);
  });

  it('are accepted and ignored by the headless host, which has no tray', async () => {
    const c = await core();
    expect(await callCore(c, 'app:set-shell-labels', ID_LABELS)).toBeNull();
  });
});
