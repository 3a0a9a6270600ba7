/**
 * One chat completion against any OpenAI-compatible endpoint, through the official SDK.
 * It never throws: every failure becomes an AiFailure with a reason the UI can show.
 */
import type OpenAIClass from 'openai';
import type { AiFailure, AiOutcome } from '../../common/api/ai';
import type { AiTimers } from './ports';

// Loaded on the first request: most installs never turn AI on, and the SDK costs ~140 ms
// of start-up.
type OpenAISdk = typeof OpenAIClass;
const loadSdk = async (): Promise<OpenAISdk> => (await import('openai')).default;

export type ChatTurn = { readonly role: 'system' | 'user'; readonly content: string };

export type EndpointConfig = {
  readonly baseUrl: string;
  readonly model: string;
  readonly apiKey: string | null;
  /** Overall deadline for the answer, retries and streaming included. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
};

export type CompletionRequest = {
  readonly turns: readonly ChatTurn[];
  /** Streams when set; called with the text received so far. */
  readonly onText?: (soFar: string) => void;
};

// Local servers (Ollama, LM Studio) accept any key; the SDK refuses to start without one
// and would otherwise fall back to OPENAI_API_KEY from the environment.
const NO_KEY = 'no-key';

const failure = (reason: AiFailure['reason'], message: string): AiFailure => ({ ok: false, reason, message });

function describe(OpenAI: OpenAISdk, err: unknown, deadlineHit: boolean, model: string): AiFailure {
  if (deadlineHit || err instanceof OpenAI.APIConnectionTimeoutError) {
    return failure('timeout', 'The AI endpoint did not answer in time.');
  }
  if (err instanceof OpenAI.AuthenticationError || err instanceof OpenAI.PermissionDeniedError) {
    return failure('unauthorized', 'The AI endpoint refused the API key.');
  }
  if (err instanceof OpenAI.RateLimitError) {
    return failure('rate_limited', 'The AI endpoint is rate limiting requests; try again shortly.');
  }
  if (err instanceof OpenAI.NotFoundError) {
    return failure('not_configured', `The AI endpoint does not know the model "${model}" or the URL is wrong.`);
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return failure('unavailable', 'The AI endpoint cannot be reached.');
  }
  if (err instanceof OpenAI.APIError && typeof err.status === 'number') {
    return err.status >= 500
      ? failure('unavailable', `The AI endpoint failed (HTTP ${err.status}).`)
      : failure('bad_response', `The AI endpoint rejected the request (HTTP ${err.status}).`);
  }
  // Malformed JSON or SSE from the endpoint surfaces as a parse error from the SDK.
  return failure('bad_response', 'The AI endpoint sent an answer that could not be read.');
}

type Completion = { readonly choices?: readonly { readonly message?: { readonly content?: string | null } }[] };

function contentOf(completion: Completion): string | null {
  const content = completion.choices?.[0]?.message?.content;
  return typeof content === 'string' ? content : null;
}

type Answer = AiOutcome<{ readonly text: string; readonly streamIgnored: boolean }>;

export async function complete(config: EndpointConfig, request: CompletionRequest, timers: AiTimers): Promise<Answer> {
  const OpenAI = await loadSdk();
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey ?? NO_KEY,
    // Never pick up organisation/project headers from the environment of the machine.
    organization: null,
    project: null,
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    // The SDK's own logging could print message text; the core logs reasons only.
    logLevel: 'off',
  });
  const controller = new AbortController();
  let deadlineHit = false;
  let reachDeadline = () => {};
  // The SDK sleeps through a long Retry-After without looking at the abort signal, so the
  // answer races the deadline instead of waiting for the SDK to notice.
  const deadlineReached = new Promise<Answer>(resolve => {
    reachDeadline = () => resolve(describe(OpenAI, null, true, config.model));
  });
  const deadline = timers.setTimeout(() => {
    deadlineHit = true;
    controller.abort();
    reachDeadline();
  }, config.timeoutMs);
  const messages = request.turns.map(t => ({ role: t.role, content: t.content }));
  const options = { signal: controller.signal };

  async function attempt(): Promise<Answer> {
    try {
      let text: string | null = null;
      let streamIgnored = false;
      if (request.onText) {
        const stream = await client.chat.completions.create({ model: config.model, messages, stream: true }, options);
        let received = 0;
        let soFar = '';
        for await (const chunk of stream) {
          received += 1;
          const delta = chunk.choices[0]?.delta?.content;
          if (typeof delta === 'string' && delta.length > 0 && !deadlineHit) {
            soFar += delta;
            request.onText?.(soFar);
          }
        }
        // The SDK ends an aborted stream quietly, so the deadline has to be checked here.
        if (deadlineHit) return describe(OpenAI, null, true, config.model);
        // Some servers ignore `stream` and answer with one JSON body, which yields no events.
        text = received > 0 ? soFar : null;
        streamIgnored = received === 0;
      }
      if (text === null) {
        const completion = await client.chat.completions.create({ model: config.model, messages }, options);
        text = contentOf(completion);
      }
      if (deadlineHit) return describe(OpenAI, null, true, config.model);
      if (text === null || text.trim() === '') {
        return failure('bad_response', 'The AI endpoint returned an empty answer.');
      }
      return { ok: true, text, streamIgnored };
    } catch (err) {
      return describe(OpenAI, err, deadlineHit, config.model);
    }
  }

  try {
    return await Promise.race([attempt(), deadlineReached]);
  } finally {
    timers.clearTimeout(deadline);
  }
}
