import { create } from 'zustand';
import type { AppInfo } from '../../../common/api';
import type { Account } from '../../../common/domain';
import type { ConnectionState } from '../api/client';
import { api } from '../api/client';

type AppState = {
  info: AppInfo | null;
  accounts: readonly Account[];
  connection: ConnectionState;
  loadError: string | null;
  /** Loads what the shell shows and keeps it current from core events. */
  start(): () => void;
  reload(): Promise<void>;
};

export const useAppStore = create<AppState>((set, get) => ({
  info: null,
  accounts: [],
  connection: 'connecting',
  loadError: null,
  start() {
    const client = api();
    const offConnection = client.onConnectionChange(connection => {
      const wasDown = get().connection !== 'connected';
      set({ connection });
      // After a reconnect, events may have been missed: reload instead of trusting them.
      if (connection === 'connected' && wasDown) void get().reload();
    });
    const offAccounts = client.subscribe('accounts:changed', ({ accounts }) => set({ accounts }));
    return () => {
      offConnection();
      offAccounts();
    };
  },
  async reload() {
    const client = api();
    const [info, accounts] = await Promise.all([client.invoke('app:info', {}), client.invoke('accounts:list', {})]);
    if (!info.ok) return set({ loadError: info.error.message });
    if (!accounts.ok) return set({ loadError: accounts.error.message });
    set({ info: info.value, accounts: accounts.value, loadError: null });
  },
}));
