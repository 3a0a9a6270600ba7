/**
 * Settings → Desktop app, rendered to HTML in plain Node: the two choices, their help, and that
 * automatic updates cannot be switched on before there is an address to update from.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DesktopPreferences } from '../../../common/api/app';
import type * as PanelModule from '../../../renderer/src/features/settings/DesktopPanel';
import { stubBrowserGlobals } from '../../helpers/browser-globals';

let panel: typeof PanelModule;

beforeAll(async () => {
  await stubBrowserGlobals();
  panel = await import('../../../renderer/src/features/settings/DesktopPanel');
});

const prefs = (extra: Partial<DesktopPreferences> = {}): DesktopPreferences => ({
  available: true,
  launchAtLogin: false,
  autoUpdate: { enabled: false, url: null },
  ...extra,
});

function render(p: DesktopPreferences, error: string | null = null): string {
  return renderToStaticMarkup(createElement(panel.DesktopPreferencesForm, { prefs: p, error, onSave: () => {} }));
}

function checkbox(html: string, label: string): string {
  const match = new RegExp(`<label class="inline"><input type="checkbox"([^>]*)/>${label}`).exec(html);
  if (!match?.[1]) throw new Error(`no checkbox labelled ${label} in ${html}`);
  return match[1];
}

describe('desktop preferences form', () => {
  it('offers start at login and automatic updates with help', () => {
    const html = render(prefs({ launchAtLogin: true }));
    expect(html).toContain('Desktop app');
    expect(checkbox(html, 'Start Blazz Desk when I sign in to this computer')).toContain('checked');
    expect(html).toContain('Your team hosts the updates');
  });

  it('keeps automatic updates off until an update address is given', () => {
    expect(checkbox(render(prefs()), 'Check for updates')).toContain('disabled');
    const on = render(prefs({ autoUpdate: { enabled: true, url: 'https://updates.example.com/desk' } }));
    expect(checkbox(on, 'Check for updates')).not.toContain('disabled');
    expect(on).toContain('value="https://updates.example.com/desk"');
  });

  it('shows a refused change as an alert', () => {
    expect(render(prefs(), 'The update address must start with https://')).toContain(
      '<p role="alert">The update address must start with https://</p>',
    );
  });
});
