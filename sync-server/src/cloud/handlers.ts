/**
 * `cloud:*` (admins: capability `accounts.manage`). Adding a number checks its credentials
 * against Graph (phone-number info) before anything is stored, so a typo in a token is
 * reported at once rather than as failed sends later. Every change is audited.
 */
import { cloudAccountId } from '../../../common/cloud/ids';
import type { WireCloudNumber } from '../../../common/protocol-cloud';
import { CommandError } from '../../../common/result';
import type { CloudNumberRow } from '../db/repositories/cloud';
import {
  cloudNumberByPhoneId,
  cloudNumberOf,
  deleteCloudNumber,
  insertCloudNumber,
  listCloudNumbers,
  stopCloudAccount,
  upsertCloudAccount,
} from '../db/repositories/cloud';
import { isDuplicateKey } from '../db/repositories/chats';
import { accountById, insertAudit, wireAccounts } from '../db/repositories/workspace';
import { requireCapability } from '../handlers/access';
import type { Services } from '../handlers/context';
import { commit } from '../handlers/context';
import type { HandlerTable } from '../handlers/dispatch';
import { cloudKeyMissing, seal } from './secrets';
import { templateHandlers } from './templates';
import { forgetOpenedNumbers } from './webhook-routes';

type CloudHandlers = Pick<
  HandlerTable,
  'cloud:list' | 'cloud:add' | 'cloud:remove' | 'cloud:templates' | 'cloud:send-template'
>;

export const MAX_CLOUD_NUMBERS = 50;

const toWire = (r: CloudNumberRow, name: string): WireCloudNumber => ({
  accountId: r.accountId,
  name,
  phoneNumberId: r.phoneNumberId,
  wabaId: r.wabaId,
  displayPhone: r.displayPhone,
  verifiedName: r.verifiedName,
  createdAt: r.createdAt,
  qualityRating: r.qualityRating,
  messagingLimit: r.messagingLimit,
  qualityEvent: r.qualityEvent,
  qualityAt: r.qualityAt,
});

/** Display number as digits, for the account's phone (Graph gives "+62 812-3456"). */
const digitsOf = (display: string): string | null => {
  const d = display.replace(/\D/g, '');
  return /^\d{5,20}$/.test(d) ? d : null;
};

export function cloudHandlers(services: Services): CloudHandlers {
  const { db } = services;
  const names = async (ids: string[]) => new Map((await wireAccounts(db, ids)).map(a => [a.id, a.name]));

  return {
    ...templateHandlers(services),
    'cloud:list': async caller => {
      requireCapability(caller, 'accounts.manage');
      const rows = await listCloudNumbers(db);
      const byId = await names(rows.map(r => r.accountId));
      return rows.map(r => toWire(r, byId.get(r.accountId) ?? r.accountId));
    },

    'cloud:add': async (caller, args) => {
      requireCapability(caller, 'accounts.manage');
      const key = services.mfaKey;
      if (!key) throw cloudKeyMissing();
      if (await cloudNumberByPhoneId(db, args.phoneNumberId))
        throw new CommandError('conflict', 'this phone number id is already added', { reason: 'number_exists' });
      if ((await listCloudNumbers(db)).length >= MAX_CLOUD_NUMBERS)
        throw new CommandError('conflict', 'too many Cloud API numbers', { reason: 'too_many_numbers' });
      const accountId = cloudAccountId(args.phoneNumberId);
      const existing = await accountById(db, accountId);
      // A desktop may not have registered this id as one of its own numbers first.
      if (existing && existing.provider !== 'meta')
        throw new CommandError('conflict', 'this account id belongs to a desktop number', { reason: 'number_exists' });
      const info = await services.cloud
        .graph({ phoneNumberId: args.phoneNumberId, wabaId: args.wabaId, accessToken: args.accessToken })
        .phoneNumberInfo();
      if (!info.ok) {
        const code =
          info.error.code === 'unavailable' || info.error.code === 'rate_limited' ? 'unavailable' : 'invalid_args';
        throw new CommandError(code, 'Meta did not accept these credentials', {
          reason: 'graph_refused',
          graphCode: info.error.code,
          metaCode: info.error.metaCode,
        });
      }
      const now = Date.now();
      const row: CloudNumberRow = {
        accountId,
        phoneNumberId: args.phoneNumberId,
        wabaId: args.wabaId,
        displayPhone: info.value.displayPhoneNumber.slice(0, 40),
        verifiedName: info.value.verifiedName.slice(0, 200),
        accessToken: seal(key, args.accessToken),
        appSecret: seal(key, args.appSecret),
        verifyToken: seal(key, args.verifyToken),
        createdBy: caller.memberId,
        createdAt: now,
        qualityRating: info.value.qualityRating?.toUpperCase().slice(0, 16) ?? null,
        messagingLimit: null,
        qualityEvent: null,
        qualityAt: info.value.qualityRating ? now : null,
      };
      await commit(services, async (tx, emit) => {
        await upsertCloudAccount(tx, { id: accountId, name: args.name, phone: digitsOf(row.displayPhone ?? ''), now });
        try {
          await insertCloudNumber(tx, row);
        } catch (err) {
          if (isDuplicateKey(err))
            throw new CommandError('conflict', 'this phone number id is already added', { reason: 'number_exists' });
          throw err;
        }
        const [account] = await wireAccounts(tx, [accountId]);
        if (account) emit({ body: { type: 'account:updated', account }, audience: 'account', accountId });
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'cloud.add',
          chatId: null,
          before: null,
          // Never a secret: which number, as Meta names it.
          after: { accountId, phoneNumberId: args.phoneNumberId, wabaId: args.wabaId, displayPhone: row.displayPhone },
          at: now,
        });
      });
      forgetOpenedNumbers(services);
      return toWire(row, args.name);
    },

    'cloud:remove': async (caller, { accountId }) => {
      requireCapability(caller, 'accounts.manage');
      const row = await cloudNumberOf(db, accountId);
      if (!row) throw new CommandError('not_found', 'no such Cloud API number');
      await commit(services, async (tx, emit) => {
        await deleteCloudNumber(tx, accountId);
        await stopCloudAccount(tx, accountId);
        const [account] = await wireAccounts(tx, [accountId]);
        if (account) emit({ body: { type: 'account:updated', account }, audience: 'account', accountId });
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'cloud.remove',
          chatId: null,
          before: { accountId, phoneNumberId: row.phoneNumberId },
          after: null,
          at: Date.now(),
        });
      });
      forgetOpenedNumbers(services);
      return { accountId };
    },
  };
}
