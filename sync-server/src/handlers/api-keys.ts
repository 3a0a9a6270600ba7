/**
 * `apiKey:list`, `apiKey:create` and `apiKey:revoke` (admins: apikeys.manage). The secret
 * is made here, answered once and kept only as its SHA-256; every change is audited.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { WireApiKey } from '../../../common/protocol-api-keys';
import { MAX_API_KEYS } from '../../../common/protocol-api-keys';
import { CommandError } from '../../../common/result';
import { apiKeyById, countApiKeys, insertApiKey, listApiKeys, revokeApiKey } from '../db/repositories/api-keys';
import { accountById, insertAudit } from '../db/repositories/workspace';
import { requireCapability } from './access';
import type { Services } from './context';
import type { HandlerTable } from './dispatch';

export const hashApiSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** `bdk_<8 hex>_<32 random bytes, base64url>`: the prefix is shown in lists, the rest is the secret. */
export function newApiSecret(): { prefix: string; secret: string } {
  const prefix = randomBytes(4).toString('hex');
  return { prefix, secret: `bdk_${prefix}_${randomBytes(32).toString('base64url')}` };
}

export function apiKeyHandlers(
  services: Services,
): Pick<HandlerTable, 'apiKey:list' | 'apiKey:create' | 'apiKey:revoke'> {
  const { db } = services;
  return {
    'apiKey:list': async caller => {
      requireCapability(caller, 'apikeys.manage');
      return listApiKeys(db, MAX_API_KEYS);
    },

    'apiKey:create': async (caller, args) => {
      requireCapability(caller, 'apikeys.manage');
      const accountIds = args.accountIds === null ? null : [...new Set(args.accountIds)];
      for (const accountId of accountIds ?? [])
        if (!(await accountById(db, accountId))) throw new CommandError('not_found', 'no such account');
      const { prefix, secret } = newApiSecret();
      const key: WireApiKey = {
        id: randomUUID(),
        name: args.name,
        prefix,
        scopes: [...new Set(args.scopes)],
        accountIds,
        createdBy: caller.memberId,
        createdAt: Date.now(),
        lastUsedAt: null,
        revokedAt: null,
      };
      await db.transaction(async tx => {
        // Bounded so the list stays one page; revoked keys count (they stay for the record).
        if ((await countApiKeys(tx)) >= MAX_API_KEYS)
          throw new CommandError('conflict', `a workspace holds at most ${MAX_API_KEYS} API keys`);
        await insertApiKey(tx, key, hashApiSecret(secret));
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'apikey.create',
          chatId: null,
          before: null,
          // Never the secret: the audit log is read by every admin.
          after: { apiKeyId: key.id, name: key.name, prefix, scopes: key.scopes, accountIds },
          at: key.createdAt,
        });
      });
      return { key, secret };
    },

    'apiKey:revoke': async (caller, { id }) => {
      requireCapability(caller, 'apikeys.manage');
      return db.transaction(async tx => {
        const before = await apiKeyById(tx, id, true);
        if (!before) throw new CommandError('not_found', 'no such API key');
        // Revoking twice is a no-op that keeps the first time.
        if (before.revokedAt !== null) return before;
        const now = Date.now();
        await revokeApiKey(tx, id, now);
        await insertAudit(tx, {
          memberId: caller.memberId,
          deviceId: caller.sessionId,
          action: 'apikey.revoke',
          chatId: null,
          before: { apiKeyId: id, revokedAt: null },
          after: { apiKeyId: id, revokedAt: now },
          at: now,
        });
        return { ...before, revokedAt: now };
      });
    },
  };
}
