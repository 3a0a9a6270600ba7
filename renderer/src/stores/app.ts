/** What the shell itself knows: app info, the bridge's health, and which panel is open. */
import { create } from 'zustand';
import type { AppInfo } from '../../../common/api';
import type { ConnectionState } from '../api/client';
import { api } from '../api/client';
import { errorText } from '../lib/error-text';

export type Panel = 'none' | 'search' | 'settings' | 'addAccount';

type AppState = {
  info: AppInfo | null;
  connection: ConnectionState;
  loadError: string | null;
  panel: Panel;
  openPanel(panel: Panel): void;
  closePanel(): void;
  /** Watches the bridge; `onReconnect` reloads what events may have missed. */
  start(onReconnect: () => void): () => void;
  reload(): Promise<void>;
};

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  connection: 'connecting',
  loadError: null,
  panel: 'none',
  openPanel: panel => set({ panel }),
  closePanel: () => set({ panel: 'none' }),
  start(onReconnect) {
    return api().onConnectionChange(connection => {
      // Only a connection that was lost counts: the first connect answers the loads the app
      // already sent while connecting (socket.io buffers them), so reloading would repeat them.
      const wasDown = get().connection === 'disconnected';
      set({ connection });
      // After a reconnect, events may have been missed: reload instead of trusting them.
      if (connection === 'connected' && wasDown) {
        void get().reload();
        onReconnect();
      }
    });
  },
  async reload() {
    const info = await api().invoke('app:info', {});
    if (!info.ok) return set({ loadError: errorText(info.error) });
    set({ info: info.value, loadError: null });
  },
}));
