/**
 * The workspace's AI policy on the sync protocol: whether desktops of the workspace may use
 * AI at all, which endpoint they must use, and whether redaction is forced on. Admins set
 * it; every desktop reads it on sign-in and follows the `aiPolicy:updated` fact. Registered
 * in protocol.ts and reply-schemas.ts; described in docs/protocol.md, "Workspace AI policy".
 */
import { z } from 'zod';
import type { Reply } from './result';

export type WireAiPolicy = {
  /** False: desktops of the workspace send nothing to any AI endpoint. */
  allowed: boolean;
  /** When set, the only endpoint desktops may use (their own setting is ignored). */
  baseUrl: string | null;
  /** When set, the model desktops must use. */
  model: string | null;
  /** True: redaction stays on whatever a desktop chooses. */
  forceRedact: boolean;
  /** Last change (ms) and by whom; null while the policy was never set. */
  updatedAt: number | null;
  updatedBy: string | null;
};

/** What a workspace that never set a policy allows: everything, as before policies existed. */
export const OPEN_AI_POLICY: WireAiPolicy = {
  allowed: true,
  baseUrl: null,
  model: null,
  forceRedact: false,
  updatedAt: null,
  updatedBy: null,
};

const baseUrlSchema = z.url({ protocol: /^https?$/ }).max(500);
const modelSchema = z.string().trim().min(1).max(200);

/** The whole policy is sent each time: it is small and partial updates would invite races. */
export const aiPolicyUpdateSchema = z.strictObject({
  allowed: z.boolean(),
  baseUrl: baseUrlSchema.nullable(),
  model: modelSchema.nullable(),
  forceRedact: z.boolean(),
});
export type AiPolicyUpdate = z.infer<typeof aiPolicyUpdateSchema>;

export const wireAiPolicySchema = z.object({
  allowed: z.boolean(),
  baseUrl: baseUrlSchema.nullable(),
  model: modelSchema.nullable(),
  forceRedact: z.boolean(),
  updatedAt: z.number().int().nullable(),
  updatedBy: z.string().max(100).nullable(),
});

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface AiPolicyCommands {
  'aiPolicy:get': Cmd<WireAiPolicy>;
  'aiPolicy:update': Cmd<WireAiPolicy>;
}

export const AI_POLICY_COMMAND_SCHEMAS = {
  'aiPolicy:get': z.strictObject({}),
  'aiPolicy:update': aiPolicyUpdateSchema,
} as const;

export const AI_POLICY_REPLY_SCHEMAS = {
  'aiPolicy:get': wireAiPolicySchema,
  'aiPolicy:update': wireAiPolicySchema,
} as const;
