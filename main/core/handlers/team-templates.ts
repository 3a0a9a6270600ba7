/**
 * Team templates go to the server, which checks the member may manage them (admin, lead);
 * its answer is saved here at once, so the editor does not wait for the fact to come back.
 */
import type { teamTemplatesCommands } from '../../../common/api/team-templates';
import type { Store } from '../../store';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type TeamTemplateHandlers = Pick<HandlerTable, keyof typeof teamTemplatesCommands>;

export function teamTemplateHandlers(sync: Pick<WorkspaceSync, 'call'>, store: Store): TeamTemplateHandlers {
  return {
    'templates:team': () => sync.call('template:list', {}),
    'templates:publish': async args => {
      const template = await sync.call('template:upsert', args);
      // A local template with the shortcut the team's now has would clash in the unique index.
      const clash = store.templateByShortcut(template.shortcut);
      if (clash && clash.id !== template.id) store.deleteTemplate(clash.id);
      return store.saveTemplate(template);
    },
    'templates:unpublish': async ({ id }) => {
      await sync.call('template:delete', { id });
      return { deleted: store.deleteTemplate(id) };
    },
  };
}
