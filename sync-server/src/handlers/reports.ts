/**
 * `reports:get` and `reports:conversations` (common/protocol-reports.ts). The contract is
 * registered before the figures are computed so the server and the desktop can be built
 * against it at once; until the queries land, both answer `unavailable` after the same
 * permission check the real ones will make.
 */
import { requireCapability } from './access';
import { CommandError } from '../../../common/result';
import type { HandlerTable } from './dispatch';

export function reportsHandlers(): Pick<HandlerTable, 'reports:get' | 'reports:conversations'> {
  return {
    'reports:get': async caller => {
      requireCapability(caller, 'reports.read');
      throw new CommandError('unavailable', 'reports are not computed by this server yet');
    },
    'reports:conversations': async caller => {
      requireCapability(caller, 'reports.read');
      throw new CommandError('unavailable', 'reports are not computed by this server yet');
    },
  };
}
