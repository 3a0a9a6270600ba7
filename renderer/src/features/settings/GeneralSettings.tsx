import type { Language } from '../../i18n';
import { useI18n, useT } from '../../i18n';
import type { Theme } from '../../stores/settings';
import { useSettings } from '../../stores/settings';
import { DesktopPanel } from './DesktopPanel';

const THEMES: readonly Theme[] = ['light', 'dark', 'system'];

/** Theme, language, send key, the agent's name, and the desktop app's own preferences. */
export function GeneralSettings() {
  const t = useT();
  const s = useSettings();
  const language = useI18n(x => x.language);
  return (
    <>
      <div className="form">
        <fieldset>
          <legend>{t('settings.theme')}</legend>
          {THEMES.map(theme => (
            <label key={theme} className="inline">
              <input type="radio" name="theme" checked={s.theme === theme} onChange={() => s.setTheme(theme)} />
              {t(`settings.theme.${theme}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t('settings.language')}
          <select value={language} onChange={e => s.setLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="id">Bahasa Indonesia</option>
          </select>
        </label>
        <fieldset>
          <legend>{t('settings.sendKey')}</legend>
          <label className="inline">
            <input type="radio" name="sendKey" checked={s.sendKey === 'enter'} onChange={() => s.setSendKey('enter')} />
            {t('settings.sendKey.enter')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="sendKey"
              checked={s.sendKey === 'ctrlEnter'}
              onChange={() => s.setSendKey('ctrlEnter')}
            />
            {t('settings.sendKey.ctrlEnter')}
          </label>
        </fieldset>
        <label>
          {t('settings.agentName')}
          <input value={s.agentName} onChange={e => s.setAgentName(e.target.value)} maxLength={100} />
        </label>
      </div>
      <DesktopPanel />
    </>
  );
}
