/**
 * Settings → Integrations: the workspace's REST API keys (docs/api.md). The core relays
 * each command to the workspace server (`apiKey:*`, admins only), which decides.
 */
import { z } from 'zod';
import type { WireApiKey, WireApiKeyCreated } from '../protocol-api-keys';
import { apiKeyCreateSchema, apiKeyRevokeSchema } from '../protocol-api-keys';
import { command } from './define';

export type { ApiScope } from '../protocol-api-keys';
export type ApiKey = WireApiKey;
export type ApiKeyCreated = WireApiKeyCreated;

export const integrationsCommands = {
  /** Every key, newest first, revoked ones included; never a secret. */
  'apiKeys:list': command<readonly ApiKey[]>()(z.strictObject({})),
  /** The answer holds the secret: the only time anyone sees it. */
  'apiKeys:create': command<ApiKeyCreated>()(apiKeyCreateSchema),
  'apiKeys:revoke': command<ApiKey>()(apiKeyRevokeSchema),
} as const;
