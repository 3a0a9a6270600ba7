/**
 * Who a REST call acts as: the API key, as a caller of the socket handlers. It acts on
 * behalf of the admin who created it, with a lead's powers limited by its scopes (checked
 * before any handler runs) and with only its numbers visible, so the handlers' own rules
 * (visibility, assignment, versions) apply to it unchanged.
 */
import type { IncomingMessage } from 'node:http';
import type { Viewer } from '../../../../common/permissions';
import type { ApiScope, WireApiKey } from '../../../../common/protocol-api-keys';
import { API_KEY_PATTERN } from '../../../../common/protocol-api-keys';
import { CommandError } from '../../../../common/result';
import { apiKeyByHash, touchApiKey } from '../../db/repositories/api-keys';
import { getSettings, memberById } from '../../db/repositories/members';
import { allAccountIds } from '../../db/repositories/workspace';
import { hashApiSecret } from '../../handlers/api-keys';
import type { Caller, Services } from '../../handlers/context';

export type ApiCaller = Caller & { readonly key: WireApiKey };

/** last_used_at is written at most this often per key (every call would be a write per call). */
const TOUCH_EVERY_MS = 10_000;

function secretOf(req: IncomingMessage): string {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!API_KEY_PATTERN.test(token))
    throw new CommandError('unauthenticated', 'send an API key: Authorization: Bearer bdk_…', {
      reason: 'missing_key',
    });
  return token;
}

export async function apiCaller(services: Services, req: IncomingMessage, now: number): Promise<ApiCaller> {
  const { db } = services;
  const key = await apiKeyByHash(db, hashApiSecret(secretOf(req)));
  if (!key) throw new CommandError('unauthenticated', 'unknown API key', { reason: 'unknown_key' });
  if (key.revokedAt !== null)
    throw new CommandError('unauthenticated', 'this API key was revoked', { reason: 'revoked' });
  // The key speaks for its creator: once they are no longer an active admin, it stops.
  const owner = await memberById(db, key.createdBy);
  if (!owner?.active || owner.role !== 'admin')
    throw new CommandError('unauthenticated', 'the admin who created this key can no longer use it', {
      reason: 'owner_inactive',
    });
  const [settings, accountIds] = await Promise.all([
    getSettings(db),
    key.accountIds === null ? allAccountIds(db) : Promise.resolve(key.accountIds),
  ]);
  if (key.lastUsedAt === null || now - key.lastUsedAt >= TOUCH_EVERY_MS) await touchApiKey(db, key.id, now);
  const viewer: Viewer = { id: owner.id as Viewer['id'], role: 'lead', active: true, accountIds: new Set(accountIds) };
  return {
    memberId: owner.id,
    // Audit rows and relayed sends name the key where a device would be named.
    sessionId: key.id,
    role: 'lead',
    name: owner.name,
    viewer,
    settings,
    mfaEnrolmentRequired: false,
    socket: null,
    key,
  };
}

export function requireScope(caller: ApiCaller, scope: ApiScope): void {
  if (!caller.key.scopes.includes(scope))
    throw new CommandError('forbidden', `this API key lacks the scope ${scope}`, { reason: 'missing_scope', scope });
}
