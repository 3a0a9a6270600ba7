/**
 * The server's one AI request: a message's sentiment from the workspace's OpenAI-compatible
 * endpoint (automationAi:set). Short deadline, no redirects, a capped body, every field
 * checked: a slow, hostile or huge answer is a failure with a reason, never a crash.
 */
import type { Sentiment } from '../../../../common/automation/rules/schema';
import { completionSchema, parseSentimentAnswer, sentimentTurns } from '../../../../common/automation/sentiment';

/** As on the desktop: a rule waits at most this long for the verdict. */
export const SENTIMENT_TIMEOUT_MS = 10_000;
/** A chat completion for one word is small; anything bigger is refused unread. */
export const SENTIMENT_MAX_BYTES = 64 * 1024;

export type SentimentFailure = 'disabled' | 'key' | 'timeout' | 'network' | 'http' | 'too_large' | 'invalid_answer';
export type SentimentOutcome =
  { readonly ok: true; readonly sentiment: Sentiment } | { readonly ok: false; readonly reason: SentimentFailure };

export type SentimentEndpoint = { readonly baseUrl: string; readonly model: string; readonly apiKey: string | null };

async function readCapped(res: Response, max: number): Promise<string | null> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(value);
  }
  return Buffer.concat(parts).toString('utf8');
}

function parseCompletion(body: string): Sentiment | null {
  let json: unknown;
  try {
    json = JSON.parse(body) as unknown;
  } catch {
    return null;
  }
  const parsed = completionSchema.safeParse(json);
  const content = parsed.success ? parsed.data.choices[0]?.message.content : null;
  return content ? parseSentimentAnswer(content) : null;
}

export async function askSentiment(
  endpoint: SentimentEndpoint,
  text: string,
  opts: { readonly timeoutMs?: number; readonly fetch?: typeof fetch } = {},
): Promise<SentimentOutcome> {
  if (!/^https?:\/\//i.test(endpoint.baseUrl)) return { ok: false, reason: 'disabled' };
  const signal = AbortSignal.timeout(opts.timeoutMs ?? SENTIMENT_TIMEOUT_MS);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (endpoint.apiKey) headers['authorization'] = `Bearer ${endpoint.apiKey}`;
  try {
    const res = await (opts.fetch ?? fetch)(`${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: endpoint.model, messages: sentimentTurns(text), temperature: 0, stream: false }),
      redirect: 'manual',
      signal,
    });
    if (res.status === 401 || res.status === 403) return { ok: false, reason: 'key' };
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined);
      return { ok: false, reason: 'http' };
    }
    const body = await readCapped(res, SENTIMENT_MAX_BYTES);
    if (body === null) return { ok: false, reason: 'too_large' };
    const sentiment = parseCompletion(body);
    return sentiment ? { ok: true, sentiment } : { ok: false, reason: 'invalid_answer' };
  } catch {
    return { ok: false, reason: signal.aborted ? 'timeout' : 'network' };
  }
}
