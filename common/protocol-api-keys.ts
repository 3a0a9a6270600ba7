/**
 * API keys for the REST API (docs/api.md): admins list, create and revoke them over the
 * sync protocol. A key's secret is `bdk_<prefix>_<random>`; the server keeps only its
 * SHA-256 and shows the secret once, in the `apiKey:create` reply. Registered in
 * protocol.ts and reply-schemas.ts; described in docs/protocol.md, "API keys".
 */
import { z } from 'zod';
import { accountIdSchema, uuidSchema } from './ids';
import type { Reply } from './result';

/** What a key may do; each REST endpoint names the one scope it needs. */
export const API_SCOPES = [
  'chats:read',
  'messages:read',
  'messages:send',
  'chats:assign',
  'chats:update',
  'contacts:read',
  'contacts:write',
  'members:read',
  'notes:read',
  'notes:write',
  'reports:read',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const apiScopeSchema = z.enum(API_SCOPES);

/** Keys a workspace may hold, revoked ones included (a list stays one page). */
export const MAX_API_KEYS = 200;
/** Numbers one key may be restricted to. */
export const MAX_API_KEY_ACCOUNTS = 100;

/** `bdk_` + 8 hex (the prefix shown in lists) + `_` + 43 base64url characters (32 random bytes). */
export const API_KEY_PATTERN = /^bdk_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

export type WireApiKey = {
  id: string;
  name: string;
  /** The 8 hex characters after `bdk_`: enough to tell keys apart, useless to sign in with. */
  prefix: string;
  scopes: ApiScope[];
  /** The numbers the key may act on; null = every number of the workspace. */
  accountIds: string[] | null;
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
};

/** The create reply: the key, and its secret, which is never shown again. */
export type WireApiKeyCreated = { key: WireApiKey; secret: string };

export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(apiScopeSchema).min(1).max(API_SCOPES.length),
  accountIds: z.array(accountIdSchema).min(1).max(MAX_API_KEY_ACCOUNTS).nullable().default(null),
});
export type ApiKeyCreate = z.output<typeof apiKeyCreateSchema>;
export const apiKeyRevokeSchema = z.strictObject({ id: uuidSchema });

export const wireApiKeySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiScopeSchema),
  accountIds: z.array(z.string()).nullable(),
  createdBy: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
  revokedAt: z.number().int().nullable(),
});
export const wireApiKeyCreatedSchema = z.object({ key: wireApiKeySchema, secret: z.string().regex(API_KEY_PATTERN) });

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface ApiKeyCommands {
  'apiKey:list': Cmd<WireApiKey[]>;
  'apiKey:create': Cmd<WireApiKeyCreated>;
  'apiKey:revoke': Cmd<WireApiKey>;
}

export const API_KEY_COMMAND_SCHEMAS = {
  'apiKey:list': z.strictObject({}),
  'apiKey:create': apiKeyCreateSchema,
  'apiKey:revoke': apiKeyRevokeSchema,
} as const;

export const API_KEY_REPLY_SCHEMAS = {
  'apiKey:list': z.array(wireApiKeySchema),
  'apiKey:create': wireApiKeyCreatedSchema,
  'apiKey:revoke': wireApiKeySchema,
} as const;
