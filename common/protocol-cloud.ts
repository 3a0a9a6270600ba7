/**
 * WhatsApp Cloud API numbers on the sync protocol (admins: capability `accounts.manage`).
 * The server hosts them: it stores their credentials encrypted, receives Meta's webhook and
 * sends through the Graph API. Secrets go in with `cloud:add` and never come back out.
 * Registered in protocol.ts and reply-schemas.ts; described in docs/cloud-api.md.
 */
import { z } from 'zod';
import { GRAPH_ID_PATTERN } from './cloud/ids';
import type { Reply } from './result';

export type WireCloudNumber = {
  accountId: string;
  name: string;
  phoneNumberId: string;
  wabaId: string;
  displayPhone: string | null;
  verifiedName: string | null;
  createdAt: number;
};

const graphId = z.string().regex(GRAPH_ID_PATTERN, 'digits only');
const secret = (min: number) => z.string().trim().min(min).max(1000);

export const cloudAddSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  phoneNumberId: graphId,
  wabaId: graphId,
  accessToken: secret(20),
  appSecret: secret(16),
  /** Chosen by the admin and typed into Meta's dashboard: Meta echoes it when it checks the URL. */
  verifyToken: secret(8),
});
export type CloudAdd = z.infer<typeof cloudAddSchema>;
export const cloudAccountSchema = z.strictObject({ accountId: z.string().min(1).max(64) });

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface CloudCommands {
  'cloud:list': Cmd<WireCloudNumber[]>;
  'cloud:add': Cmd<WireCloudNumber>;
  'cloud:remove': Cmd<{ accountId: string }>;
}

export const CLOUD_COMMAND_SCHEMAS = {
  'cloud:list': z.strictObject({}),
  'cloud:add': cloudAddSchema,
  'cloud:remove': cloudAccountSchema,
} as const;

const wireCloudNumberSchema = z.object({
  accountId: z.string(),
  name: z.string(),
  phoneNumberId: z.string(),
  wabaId: z.string(),
  displayPhone: z.string().nullable(),
  verifiedName: z.string().nullable(),
  createdAt: z.number().int(),
});

export const CLOUD_REPLY_SCHEMAS = {
  'cloud:list': z.array(wireCloudNumberSchema),
  'cloud:add': wireCloudNumberSchema,
  'cloud:remove': z.object({ accountId: z.string() }),
} as const;
