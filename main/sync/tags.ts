/**
 * The workspace's tag list as this device knows it: kept in the settings table, so the
 * tag editor's suggestions, the filter and the chips' colours work offline. Refreshed on
 * every connect (the list is small) and kept current by the tag facts in between.
 */
import { z } from 'zod';
import type { WireTag } from '../../common/protocol-tags';
import { wireTagSchema } from '../../common/protocol-tags';
import type { SyncEvent } from '../../common/protocol';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { Store } from '../store';

const TAGS_KEY = 'workspace.tags';
const storedSchema = z.array(wireTagSchema);

export type TagFact = Extract<SyncEvent, { type: 'tag:updated' | 'tag:deleted' }>;

export type TagCacheDeps = {
  readonly store: Pick<Store, 'getSetting' | 'setSetting' | 'deleteSetting'>;
  readonly events: Pick<EventBus, 'emit'>;
  readonly listFromServer: () => Promise<readonly WireTag[]>;
  readonly log: Logger;
};

const byName = (a: WireTag, b: WireTag) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function createTagCache({ store, events, listFromServer, log }: TagCacheDeps) {
  /** What was stored; anything unreadable (a hand-edited database) counts as no list. */
  const list = (): WireTag[] => {
    const parsed = storedSchema.safeParse(store.getSetting(TAGS_KEY));
    return parsed.success ? parsed.data : [];
  };
  const write = (tags: readonly WireTag[]): void => {
    const sorted = [...tags].sort(byName);
    store.setSetting(
      TAGS_KEY,
      sorted.map(t => ({ name: t.name, color: t.color })),
    );
    events.emit('tags:changed', { tags: sorted });
  };
  const saved = (tag: WireTag) => write([...list().filter(t => t.name !== tag.name), tag]);
  const removed = (name: string) => write(list().filter(t => t.name !== name));

  return {
    list,
    saved,
    removed,
    /** A tag fact from the event log; replays are harmless (the same write again). */
    applyFact(fact: TagFact): void {
      if (fact.type === 'tag:updated') saved(fact.tag);
      else removed(fact.name);
    },
    async refresh(): Promise<void> {
      try {
        write(await listFromServer());
      } catch (err) {
        // The stored list stays: suggestions and colours keep working until the next connect.
        log.warn('tag list unavailable', { err: String(err) });
      }
    },
    clear(): void {
      store.deleteSetting(TAGS_KEY);
      events.emit('tags:changed', { tags: [] });
    },
  };
}
export type TagCache = ReturnType<typeof createTagCache>;
