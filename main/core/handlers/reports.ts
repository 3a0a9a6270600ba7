/**
 * Reports: relayed to the workspace server, which computes the figures and decides who
 * sees what. A report that arrives is kept (reports-cache.ts); when the server cannot be
 * reached the kept copy for the same arguments comes back instead, marked stale with its age.
 */
import type { reportsCommands } from '../../../common/api/reports';
import { CommandError } from '../../../common/result';
import type { WorkspaceStatus } from '../../../common/api/workspace';
import type { ReportsCache } from '../../sync/reports-cache';
import { reportCacheKey } from '../../sync/reports-cache';
import type { WorkspaceSync } from '../../sync/workspace-sync';
import type { HandlerTable } from '../router';

type ReportsHandlers = Pick<HandlerTable, keyof typeof reportsCommands>;

/**
 * Failures that mean "no answer from the server", not "the server said no": not connected
 * ('unavailable' while not online; the server itself answers 'unavailable' too when it
 * cannot compute, and that must not pass for being offline) or no reply in time.
 */
function unreachable(err: unknown, status: WorkspaceStatus): boolean {
  if (!(err instanceof CommandError)) return false;
  return err.code === 'timeout' || (err.code === 'unavailable' && status.connection !== 'online');
}

export function reportsHandlers(sync: Pick<WorkspaceSync, 'call' | 'status'>, cache: ReportsCache): ReportsHandlers {
  return {
    'reports:get': async args => {
      const status = sync.status();
      const { member, serverUrl } = status;
      if (!member || !serverUrl) throw new CommandError('unavailable', 'Not signed in to a workspace.');
      const key = reportCacheKey({ serverUrl, memberId: member.id }, args);
      try {
        const report = await sync.call('reports:get', args);
        cache.put(key, report);
        return { report, stale: false, cachedAt: null };
      } catch (err) {
        const kept = unreachable(err, sync.status()) ? cache.get(key) : null;
        if (!kept) throw err;
        return { report: kept.report, stale: true, cachedAt: kept.cachedAt };
      }
    },
    'reports:conversations': args => sync.call('reports:conversations', args),
  };
}
