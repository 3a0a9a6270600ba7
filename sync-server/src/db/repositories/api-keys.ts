/** REST API keys (table api_keys) and the stored first answers of idempotent writes (api_idempotency). */
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import type { ApiScope, WireApiKey } from '../../../../common/protocol-api-keys';
import { API_SCOPES } from '../../../../common/protocol-api-keys';
import type { Exec } from '../index';
import { isDuplicateKey } from './chats';
import { apiIdempotency, apiKeys } from '../schema';

type ApiKeyRow = typeof apiKeys.$inferSelect;

const SCOPES = new Set<string>(API_SCOPES);

/** Stored JSON is ours, but a hand-edited row must not grant what it does not name. */
function stringsOf(text: string | null): string[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export function toWireApiKey(row: ApiKeyRow): WireApiKey {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: (stringsOf(row.scopes) ?? []).filter((s): s is ApiScope => SCOPES.has(s)),
    accountIds: stringsOf(row.accountIds),
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

export async function listApiKeys(db: Exec, limit: number): Promise<WireApiKey[]> {
  const rows = await db.select().from(apiKeys).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id)).limit(limit);
  return rows.map(toWireApiKey);
}

export async function countApiKeys(db: Exec): Promise<number> {
  return (await db.select({ id: apiKeys.id }).from(apiKeys)).length;
}

export async function insertApiKey(db: Exec, key: WireApiKey, secretHash: string): Promise<void> {
  await db.insert(apiKeys).values({
    ...key,
    scopes: JSON.stringify(key.scopes),
    accountIds: key.accountIds === null ? null : JSON.stringify(key.accountIds),
    secretHash,
  });
}

export async function apiKeyById(db: Exec, id: string, forUpdate = false): Promise<WireApiKey | undefined> {
  const query = db.select().from(apiKeys).where(eq(apiKeys.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ? toWireApiKey(row) : undefined;
}

/** The key a secret's hash names, revoked or not (the caller tells the two apart). */
export async function apiKeyByHash(db: Exec, secretHash: string): Promise<WireApiKey | undefined> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash)).limit(1);
  return row ? toWireApiKey(row) : undefined;
}

export async function revokeApiKey(db: Exec, id: string, now: number): Promise<void> {
  await db
    .update(apiKeys)
    .set({ revokedAt: now })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)));
}

export async function touchApiKey(db: Exec, id: string, now: number): Promise<void> {
  await db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
}

// ── Idempotency ─────────────────────────────────────────────────────────────────────────

export type StoredAnswer = { status: number; body: string | null };

/**
 * Claims (key, hash) for a first attempt: true when this request is the first; false when
 * another attempt holds it (its answer, or status 0 while it is still running, is read next).
 */
export async function claimIdempotency(db: Exec, apiKeyId: string, keyHash: string, now: number): Promise<boolean> {
  try {
    await db.insert(apiIdempotency).values({ apiKeyId, keyHash, status: 0, body: null, createdAt: now });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export async function storedAnswer(db: Exec, apiKeyId: string, keyHash: string): Promise<StoredAnswer | undefined> {
  const [row] = await db
    .select({ status: apiIdempotency.status, body: apiIdempotency.body })
    .from(apiIdempotency)
    .where(and(eq(apiIdempotency.apiKeyId, apiKeyId), eq(apiIdempotency.keyHash, keyHash)))
    .limit(1);
  return row;
}

export async function saveAnswer(db: Exec, apiKeyId: string, keyHash: string, answer: StoredAnswer): Promise<void> {
  await db
    .update(apiIdempotency)
    .set(answer)
    .where(and(eq(apiIdempotency.apiKeyId, apiKeyId), eq(apiIdempotency.keyHash, keyHash)));
}

/** A first attempt that failed in a way worth retrying (server error, rate limit) leaves no answer behind. */
export async function releaseIdempotency(db: Exec, apiKeyId: string, keyHash: string): Promise<void> {
  await db
    .delete(apiIdempotency)
    .where(and(eq(apiIdempotency.apiKeyId, apiKeyId), eq(apiIdempotency.keyHash, keyHash)));
}

/** Stored answers are kept for a day, then dropped now and then. */
export async function pruneIdempotency(db: Exec, before: number): Promise<void> {
  await db.delete(apiIdempotency).where(lt(apiIdempotency.createdAt, before));
}
