/**
 * The workspace's managed tags as this desktop knows them (kept by the core, so they are
 * here offline too), kept current by tags:changed. Components that show tags retain the
 * store while mounted; the first one loads the list.
 */
import { create } from 'zustand';
import type { TagChange, TagColor, WorkspaceTag } from '../../../common/api/tags';
import type { Reply } from '../../../common/result';
import { api } from '../api/client';

type TagsState = {
  tags: readonly WorkspaceTag[];
  /** name → colour, for chips. */
  colors: ReadonlyMap<string, TagColor>;
  retain(): () => void;
  load(): Promise<void>;
  upsert(name: string, color: TagColor): Promise<Reply<WorkspaceTag>>;
  rename(from: string, to: string): Promise<Reply<TagChange>>;
  remove(name: string): Promise<Reply<TagChange>>;
};

const colorsOf = (tags: readonly WorkspaceTag[]) => new Map(tags.map(t => [t.name, t.color]));

export const useTags = create<TagsState>((set, get) => {
  let holders = 0;
  let release: (() => void) | null = null;
  const apply = (tags: readonly WorkspaceTag[]) => set({ tags, colors: colorsOf(tags) });
  return {
    tags: [],
    colors: new Map(),
    retain() {
      holders++;
      if (holders === 1) {
        release = api().subscribe('tags:changed', ({ tags }) => apply(tags));
        void get().load();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders--;
        if (holders === 0) {
          release?.();
          release = null;
        }
      };
    },
    async load() {
      const r = await api().invoke('tags:list', {});
      if (r.ok) apply(r.value);
    },
    upsert: (name, color) => api().invoke('tags:upsert', { name, color }),
    rename: (from, to) => api().invoke('tags:rename', { from, to }),
    remove: name => api().invoke('tags:delete', { name }),
  };
});

/** For components: keeps the list current while mounted. */
export const retainTags = () => useTags.getState().retain();
