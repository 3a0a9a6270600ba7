/** Templates and quick replies, loaded once and on demand. */
import { create } from 'zustand';
import type { Template } from '../../../common/domain';
import { core } from './core';

type TemplatesState = {
  templates: readonly Template[];
  loaded: boolean;
  load(): Promise<void>;
};

export const useTemplates = create<TemplatesState>((set, get) => ({
  templates: [],
  loaded: false,
  async load() {
    if (get().loaded) return;
    const r = await core.templates();
    set({ templates: r.ok ? r.value : [], loaded: r.ok });
  },
}));
