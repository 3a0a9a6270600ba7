/**
 * Managed tags: the list comes from this device's copy (it works offline); changes go to
 * the server, which checks the member may make them, and the answer updates the copy at
 * once, so the screen does not wait for the fact to come back. The chats a rename or a
 * delete rewrote arrive as chat:updated facts like any teammate's change.
 */
import type { tagsCommands } from '../../../common/api/tags';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type TagHandlers = Pick<HandlerTable, keyof typeof tagsCommands>;

export function tagHandlers(sync: Pick<WorkspaceSync, 'call' | 'tags'>): TagHandlers {
  return {
    'tags:list': () => sync.tags.list(),
    'tags:upsert': async args => {
      const tag = await sync.call('tag:upsert', args);
      sync.tags.saved(tag);
      return tag;
    },
    'tags:rename': async args => {
      const change = await sync.call('tag:rename', args);
      sync.tags.removed(args.from);
      if (change.tag) sync.tags.saved(change.tag);
      return change;
    },
    'tags:delete': async args => {
      const change = await sync.call('tag:delete', args);
      sync.tags.removed(args.name);
      return change;
    },
  };
}
