/**
 * Business hours of the numbers this member sees, for "open now" in the accounts rail.
 * Loaded from the workspace server when the workspace is online, or from this desktop's own
 * automation when not signed in, and again after a save; open or closed is computed here
 * from the hours and the clock, so it changes on time.
 */
import { create } from 'zustand';
import type { BusinessHours } from '../../../../common/automation/hours';
import { api } from '../../api/client';

type HoursState = {
  readonly byAccount: ReadonlyMap<string, BusinessHours>;
  /** `local`: this desktop's own hours (not signed in to a workspace). */
  load(local?: boolean): Promise<void>;
};

export const useAccountHours = create<HoursState>(set => ({
  byAccount: new Map(),
  async load(local = false) {
    const r = local ? await api().invoke('local-automation:hours', {}) : await api().invoke('automation:hours', {});
    // Offline: keep what was loaded.
    if (r.ok) set({ byAccount: new Map(r.value.map(h => [h.accountId, h.hours])) });
  },
}));
