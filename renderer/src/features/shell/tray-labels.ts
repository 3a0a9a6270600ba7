/**
 * The desktop's tray speaks the app's language. Main has no dictionary (every word the app
 * shows lives here), so the page sends the tray's words to it through the core at start and
 * whenever the language changes. The browser version has no tray and sends nothing.
 */
import { useEffect } from 'react';
import type { ShellLabels } from '../../../../common/api/app';
import { api } from '../../api/client';
import type { Language } from '../../i18n';
import { translate, useI18n } from '../../i18n';
import { dictionaryTranslator } from '../../i18n/dictionary';
import { trayEn } from '../../i18n/tray.en';
import { trayId } from '../../i18n/tray.id';
import { useAppStore } from '../../stores/app';
import { stateKey } from '../accounts/states';

const trayT = dictionaryTranslator({ en: trayEn, id: trayId });

export function trayLabels(language: Language): ShellLabels {
  return {
    show: trayT(language, 'tray.show'),
    pauseNotifications: trayT(language, 'tray.pauseNotifications'),
    quit: trayT(language, 'tray.quit'),
    unread: trayT(language, 'tray.unread'),
    states: Object.fromEntries(Object.entries(stateKey).map(([state, key]) => [state, translate(language, key)])),
  };
}

export function useTrayLabels(): void {
  const language = useI18n(s => s.language);
  const shell = useAppStore(s => s.info?.shell);
  useEffect(() => {
    if (shell === 'electron') void api().invoke('app:set-shell-labels', trayLabels(language));
  }, [language, shell]);
}
