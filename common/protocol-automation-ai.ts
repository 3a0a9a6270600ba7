/**
 * The workspace's AI endpoint for automation (#17): an OpenAI-compatible base URL, model and
 * API key the server uses to tell a message's sentiment for rules with a sentiment
 * condition. Admins only. The key is stored on the server and never sent back: replies say
 * only whether one is set. Registered in protocol.ts and reply-schemas.ts; described in
 * docs/protocol.md, "Automation AI".
 */
import { z } from 'zod';
import type { Reply } from './result';

/** Only http and https: the server fetches this address itself. */
export const automationAiUrlSchema = z
  .string()
  .max(500)
  .url()
  .refine(u => /^https?:\/\//i.test(u), { message: 'http or https only' });

export const AUTOMATION_AI_KEY_STATES = ['set', 'not_set'] as const;

export const wireAutomationAiSchema = z.object({
  /** null: no endpoint, so sentiment conditions do not match on the server. */
  baseUrl: z.string().max(500).nullable(),
  model: z.string().max(200).nullable(),
  key: z.enum(AUTOMATION_AI_KEY_STATES),
  updatedAt: z.number().int().nullable(),
  updatedBy: z.string().max(100).nullable(),
});
export type WireAutomationAi = z.infer<typeof wireAutomationAiSchema>;

type Cmd<T> = (payload: unknown, ack: (reply: Reply<T>) => void) => void;

export interface AutomationAiCommands {
  'automationAi:get': Cmd<WireAutomationAi>;
  'automationAi:set': Cmd<WireAutomationAi>;
}

export const AUTOMATION_AI_COMMAND_SCHEMAS = {
  'automationAi:get': z.strictObject({}),
  /**
   * `baseUrl` null removes the endpoint (and its key). `apiKey`: left out keeps the stored
   * key, null removes it, a string replaces it.
   */
  'automationAi:set': z.strictObject({
    baseUrl: automationAiUrlSchema.nullable(),
    model: z.string().trim().max(200).default(''),
    apiKey: z.string().min(1).max(500).nullable().optional(),
  }),
} as const;

export const AUTOMATION_AI_REPLY_SCHEMAS = {
  'automationAi:get': wireAutomationAiSchema,
  'automationAi:set': wireAutomationAiSchema,
} as const;
