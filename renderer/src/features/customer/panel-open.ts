import { create } from 'zustand';

/**
 * Whether the customer panel is open. It outlives the conversation pane (which is
 * remounted per chat), so opening a person's other conversation keeps their panel in view.
 */
export const useCustomerPanelOpen = create<{ open: boolean; toggle(): void }>(set => ({
  open: false,
  toggle: () => set(s => ({ open: !s.open })),
}));
