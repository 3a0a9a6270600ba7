/**
 * "Test connection" in Settings → AI: one fixed prompt that carries no chat data, sent to
 * the endpoint the form holds, so an agent can check a setup before turning AI on.
 */
import type { AiSettings } from '../../common/api/ai';
import type { AiTestResult } from '../../common/api/ai-settings';
import { applyAiPolicy } from '../../common/api/ai-settings';
import type { WireAiPolicy } from '../../common/protocol-ai-policy';
import type { Logger } from '../platform/log';
import { complete } from './client';
import type { AiTimers, SecretStore } from './ports';

/** Long enough for a local model to load, short enough that the button does not hang. */
const DEFAULT_TEST_TIMEOUT_MS = 30_000;
const MAX_ANSWER_CHARS = 300;

export const TEST_PROMPT = 'Reply with one short sentence confirming that you can read this.';

export type TestConnectionInput = {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey?: string;
  readonly timeoutMs?: number;
};

export type TestConnectionDeps = {
  readonly secrets: SecretStore;
  readonly policy: () => WireAiPolicy | null;
  readonly current: () => AiSettings;
  readonly timers: AiTimers;
  readonly now: () => number;
  readonly log: Logger;
};

export async function testConnection(deps: TestConnectionDeps, input: TestConnectionInput): Promise<AiTestResult> {
  const policy = deps.policy();
  if (policy && !policy.allowed) {
    return { ok: false, reason: 'disabled', message: 'The workspace does not allow AI on its desktops.' };
  }
  // The policy's endpoint wins over the form, exactly as it does for real requests.
  const target = applyAiPolicy(
    { ...deps.current(), enabled: true, baseUrl: input.baseUrl, model: input.model },
    policy,
  );
  const apiKey = input.apiKey ?? (await deps.secrets.getApiKey());
  const started = deps.now();
  const answer = await complete(
    {
      baseUrl: target.baseUrl,
      model: target.model,
      apiKey,
      timeoutMs: input.timeoutMs ?? DEFAULT_TEST_TIMEOUT_MS,
      // One attempt: the agent is waiting and wants to know what is wrong now.
      maxRetries: 0,
    },
    { turns: [{ role: 'user', content: TEST_PROMPT }] },
    deps.timers,
  );
  if (!answer.ok) {
    deps.log.warn('ai connection test failed', { reason: answer.reason });
    return answer;
  }
  return { ok: true, answer: answer.text.trim().slice(0, MAX_ANSWER_CHARS), ms: deps.now() - started };
}
