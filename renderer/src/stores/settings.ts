/** Per-desktop preferences, kept in localStorage (theme, language, notifications, send key). */
import { create } from 'zustand';
import type { Language } from '../i18n';
import { useI18n } from '../i18n';
import type { NotifyPrefs } from '../lib/notify';
import { defaultNotifyPrefs, readNotifyPrefs } from '../lib/notify';

export type Theme = 'light' | 'dark' | 'system';
export type SendKey = 'enter' | 'ctrlEnter';

type Persisted = {
  theme: Theme;
  notify: NotifyPrefs;
  sendKey: SendKey;
  /** The agent's name for {{agent.name}} until a workspace provides it. */
  agentName: string;
};

const KEY = 'blazz.settings';

function load(): Persisted {
  const fallback: Persisted = { theme: 'system', notify: defaultNotifyPrefs, sendKey: 'enter', agentName: '' };
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return fallback;
    const v = JSON.parse(raw) as Partial<Persisted>;
    return {
      theme: v.theme === 'light' || v.theme === 'dark' || v.theme === 'system' ? v.theme : fallback.theme,
      notify: readNotifyPrefs(v.notify),
      sendKey: v.sendKey === 'ctrlEnter' ? 'ctrlEnter' : 'enter',
      agentName: typeof v.agentName === 'string' ? v.agentName.slice(0, 100) : '',
    };
  } catch {
    return fallback;
  }
}

type SettingsState = Persisted & {
  setTheme(theme: Theme): void;
  setLanguage(language: Language): void;
  setNotify(patch: Partial<NotifyPrefs>): void;
  setSendKey(key: SendKey): void;
  setAgentName(name: string): void;
};

export function applyTheme(theme: Theme): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
}

export const useSettings = create<SettingsState>((set, get) => {
  const save = () => {
    const { theme, notify, sendKey, agentName } = get();
    localStorage.setItem(KEY, JSON.stringify({ theme, notify, sendKey, agentName }));
  };
  const initial = load();
  applyTheme(initial.theme);
  return {
    ...initial,
    setTheme(theme) {
      applyTheme(theme);
      set({ theme });
      save();
    },
    setLanguage(language) {
      useI18n.getState().setLanguage(language);
    },
    setNotify(patch) {
      set({ notify: { ...get().notify, ...patch } });
      save();
    },
    setSendKey(sendKey) {
      set({ sendKey });
      save();
    },
    setAgentName(agentName) {
      set({ agentName: agentName.slice(0, 100) });
      save();
    },
  };
});
