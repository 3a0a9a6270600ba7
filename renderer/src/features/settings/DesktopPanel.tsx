import { useEffect, useState } from 'react';
import type { DesktopPreferences } from '../../../../common/api/app';
import { api } from '../../api/client';
import { useT } from '../../i18n';
import { errorText } from '../../lib/error-text';

type Patch = { launchAtLogin?: boolean; autoUpdate?: DesktopPreferences['autoUpdate'] };

/** "Start at login" and "Automatic updates": settings of the desktop app only, hidden in the browser. */
export function DesktopPanel() {
  const [prefs, setPrefs] = useState<DesktopPreferences | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api()
      .invoke('app:desktop-preferences', {})
      .then(reply => (reply.ok ? setPrefs(reply.value) : setError(errorText(reply.error))));
  }, []);
  const save = async (patch: Patch) => {
    const reply = await api().invoke('app:set-desktop-preferences', patch);
    if (!reply.ok) return setError(errorText(reply.error));
    setError(null);
    setPrefs(reply.value);
  };
  if (!prefs?.available) return error ? <p role="alert">{error}</p> : null;
  return <DesktopPreferencesForm prefs={prefs} error={error} onSave={patch => void save(patch)} />;
}

export type DesktopPreferencesFormProps = {
  readonly prefs: DesktopPreferences;
  readonly error: string | null;
  readonly onSave: (patch: Patch) => void;
};

export function DesktopPreferencesForm({ prefs, error, onSave }: DesktopPreferencesFormProps) {
  const t = useT();
  const [url, setUrl] = useState(prefs.autoUpdate.url ?? '');
  const trimmed = url.trim();
  return (
    <section aria-labelledby="desktop-heading" className="panel">
      <h2 id="desktop-heading">{t('desktop.heading')}</h2>
      <label className="inline">
        <input
          type="checkbox"
          checked={prefs.launchAtLogin}
          onChange={e => onSave({ launchAtLogin: e.target.checked })}
        />
        {t('desktop.launchAtLogin')}
      </label>
      <fieldset>
        <legend>{t('desktop.updates')}</legend>
        <label>
          {t('desktop.updates.url')}
          <input
            type="url"
            value={url}
            placeholder="https://updates.example.com/blazz-desk"
            onChange={e => setUrl(e.target.value)}
            onBlur={() =>
              prefs.autoUpdate.enabled && trimmed && trimmed !== prefs.autoUpdate.url
                ? onSave({ autoUpdate: { enabled: true, url: trimmed } })
                : undefined
            }
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={prefs.autoUpdate.enabled}
            disabled={!prefs.autoUpdate.enabled && !trimmed}
            onChange={e => onSave({ autoUpdate: { enabled: e.target.checked, url: trimmed || null } })}
          />
          {t('desktop.updates.enabled')}
        </label>
        <p className="small muted">{t('desktop.updates.help')}</p>
      </fieldset>
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
