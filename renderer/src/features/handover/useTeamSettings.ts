/**
 * The workspace's rules as this desktop knows them: read when a component that needs them
 * mounts and again whenever the connection changes, kept current by teamSettings:changed.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { TeamSettings } from '../../../../common/api/team-settings';
import type { Reply } from '../../../../common/result';
import { api } from '../../api/client';
import { useWorkspace } from '../../stores/workspace';

type TeamSettingsState = {
  /** null until the core answered once. */
  settings: TeamSettings | null;
  load(): Promise<void>;
  update(patch: Partial<TeamSettings>): Promise<Reply<TeamSettings>>;
};

export const useTeamSettingsStore = create<TeamSettingsState>(set => ({
  settings: null,
  async load() {
    const r = await api().invoke('teamSettings:get', {});
    if (r.ok) set({ settings: r.value });
  },
  async update(patch) {
    const r = await api().invoke('teamSettings:update', patch);
    if (r.ok) set({ settings: r.value });
    return r;
  },
}));

let holders = 0;
let unsubscribe: (() => void) | null = null;

/** The rules, loaded and followed while at least one caller is mounted. */
export function useTeamSettings(): TeamSettings | null {
  const connection = useWorkspace(s => s.status.connection);
  useEffect(() => {
    if (holders++ === 0)
      unsubscribe = api().subscribe('teamSettings:changed', ({ settings }) =>
        useTeamSettingsStore.setState({ settings }),
      );
    return () => {
      if (--holders === 0) {
        unsubscribe?.();
        unsubscribe = null;
      }
    };
  }, []);
  // Online again (or signed in): the server may have changed them meanwhile.
  useEffect(() => {
    if (connection !== 'signed_out') void useTeamSettingsStore.getState().load();
  }, [connection]);
  return useTeamSettingsStore(s => s.settings);
}
