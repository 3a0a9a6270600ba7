/**
 * Business hours of the numbers this member sees, for "open now" in the accounts rail.
 * Loaded from the workspace server when the workspace is online and again after a save;
 * open or closed is computed here from the hours and the clock, so it changes on time.
 */
import { create } from 'zustand';
import type { BusinessHours } from '../../../../common/automation/hours';
import { api } from '../../api/client';

type HoursState = {
  readonly byAccount: ReadonlyMap<string, BusinessHours>;
  load(): Promise<void>;
};

export const useAccountHours = create<HoursState>(set => ({
  byAccount: new Map(),
  async load() {
    const r = await api().invoke('automation:hours', {});
    // Offline or signed out: keep what was loaded; a desktop without a workspace has no hours.
    if (r.ok) set({ byAccount: new Map(r.value.map(h => [h.accountId, h.hours])) });
  },
}));
