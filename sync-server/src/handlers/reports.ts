/**
 * `reports:get` and `reports:conversations` (common/protocol-reports.ts): admins report on
 * every number, leads on the numbers they lead (another number named in the filter is
 * 'forbidden'), agents on none. The figures are computed in sync-server/src/reports/ from a
 * dataset kept a minute per (filters, numbers the caller sees): see docs/reports.md.
 */
import type { ReportsGetArgs } from '../../../common/protocol-reports';
import { CommandError } from '../../../common/result';
import { allAccountIds } from '../db/repositories/workspace';
import { ttlCache } from '../reports/cache';
import type { Dataset } from '../reports/dataset';
import { loadDataset } from '../reports/dataset';
import { reportOf } from '../reports/figures';
import { conversationsPage } from '../reports/page';
import { requireCapability } from './access';
import type { Caller, Services } from './context';
import type { HandlerTable } from './dispatch';

type Filter = Omit<ReportsGetArgs, 'bucket'>;

export function reportsHandlers(services: Services): Pick<HandlerTable, 'reports:get' | 'reports:conversations'> {
  const cache = ttlCache<Dataset>(() => Date.now());

  /** The numbers the report covers: the caller's, narrowed to the one the filter names. */
  async function scopeOf(caller: Caller, accountId: string | undefined): Promise<string[]> {
    if (caller.role === 'admin')
      return accountId === undefined ? (await allAccountIds(services.db)).sort() : [accountId];
    const own = [...caller.viewer.accountIds].sort();
    if (accountId === undefined) return own;
    if (!own.includes(accountId)) throw new CommandError('forbidden', 'you do not lead this number');
    return [accountId];
  }

  async function dataset(caller: Caller, args: Filter): Promise<Dataset> {
    requireCapability(caller, 'reports.read');
    const scope = await scopeOf(caller, args.accountId);
    const key = JSON.stringify([args.from, args.to, args.timeZone, args.memberId ?? null, args.tag ?? null, scope]);
    return cache.get(key, () => loadDataset(services.database.raw, scope, args, Date.now()));
  }

  return {
    'reports:get': async (caller, args) => reportOf(await dataset(caller, args), args),
    'reports:conversations': async (caller, args) => conversationsPage(await dataset(caller, args), args),
  };
}
