/**
 * Where Settings → Automation reads and saves: the workspace server (`automation:*`,
 * `rules:*`) when signed in, or this desktop's own store (`local-automation:*`,
 * `local-rules:*`) when not, where it runs on this computer. The screens are the same;
 * only the data source and what it offers differ (no assignment, this desktop's templates).
 */
import { createContext, useContext } from 'react';
import type { CommandArgs, CommandName, CommandResult } from '../../../../common/api';
import type { Reply } from '../../../../common/result';
import { api } from '../../api/client';

type Call<K extends CommandName> = (args: CommandArgs<K>) => Promise<Reply<CommandResult<K>>>;

export type AutomationSource = {
  /** True: this desktop's own automation, run while not signed in. */
  readonly local: boolean;
  readonly get: Call<'automation:get'>;
  readonly save: Call<'automation:save'>;
  readonly hours: Call<'automation:hours'>;
  readonly listRules: Call<'rules:list'>;
  readonly saveRule: Call<'rules:save'>;
  readonly deleteRule: Call<'rules:delete'>;
  readonly reorderRules: Call<'rules:reorder'>;
  readonly testRules: Call<'rules:test'>;
  readonly ruleRuns: Call<'rules:runs'>;
  /** The templates a rule may reply with: the team's, or this desktop's own. */
  readonly templates: Call<'templates:team'>;
};

export const workspaceSource: AutomationSource = {
  local: false,
  get: a => api().invoke('automation:get', a),
  save: a => api().invoke('automation:save', a),
  hours: a => api().invoke('automation:hours', a),
  listRules: a => api().invoke('rules:list', a),
  saveRule: a => api().invoke('rules:save', a),
  deleteRule: a => api().invoke('rules:delete', a),
  reorderRules: a => api().invoke('rules:reorder', a),
  testRules: a => api().invoke('rules:test', a),
  ruleRuns: a => api().invoke('rules:runs', a),
  templates: a => api().invoke('templates:team', a),
};

export const localSource: AutomationSource = {
  local: true,
  get: a => api().invoke('local-automation:get', a),
  save: a => api().invoke('local-automation:save', a),
  hours: a => api().invoke('local-automation:hours', a),
  listRules: a => api().invoke('local-rules:list', a),
  saveRule: a => api().invoke('local-rules:save', a),
  deleteRule: a => api().invoke('local-rules:delete', a),
  reorderRules: a => api().invoke('local-rules:reorder', a),
  testRules: a => api().invoke('local-rules:test', a),
  ruleRuns: a => api().invoke('local-rules:runs', a),
  templates: a => api().invoke('templates:list', a),
};

const SourceContext = createContext<AutomationSource>(workspaceSource);
export const AutomationSourceProvider = SourceContext.Provider;
export const useAutomationSource = (): AutomationSource => useContext(SourceContext);
