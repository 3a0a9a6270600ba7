/** Templates and quick replies, loaded once (or again after an edit). */
import { create } from 'zustand';
import type { Template } from '../../../common/domain';
import { core } from './core';

type TemplatesState = {
  templates: readonly Template[];
  loaded: boolean;
  load(force?: boolean): Promise<void>;
};

export const useTemplates = create<TemplatesState>((set, get) => ({
  templates: [],
  loaded: false,
  async load(force = false) {
    if (get().loaded && !force) return;
    const r = await core.templates();
    set({ templates: r.ok ? r.value : get().templates, loaded: r.ok });
  },
}));
