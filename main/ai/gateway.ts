/**
 * The single door every AI request goes through, in this order: enabled? → redaction →
 * cache → daily budget → endpoint → parse → cache. Keeping it in one place is what lets
 * us promise that nothing is sent while AI is off and nothing unredacted when redaction is on.
 */
import { createHash } from 'node:crypto';
import type { AiFailure, AiOutcome, AiSettings } from '../../common/api/ai';
import { applyAiPolicy } from '../../common/api/ai-settings';
import type { WireAiPolicy } from '../../common/protocol-ai-policy';
import type { Logger } from '../platform/log';
import type { ChatTurn } from './client';
import { complete } from './client';
import type { AiStorePort, AiTimers, CacheKind, SecretStore } from './ports';
import type { Redactor } from './redact';
import { createRedactor } from './redact';
import { dayOf, readSettings } from './settings';

/** Cached answers older than this are asked again (prices and policies change). */
const CACHE_TTL_MS = 7 * 24 * 3600 * 1000;
/** Most answers kept: a busy desk asks a few hundred a day, and each is a few kilobytes. */
export const MAX_CACHE_ENTRIES = 2_000;

export type GatewayDeps = {
  readonly store: AiStorePort;
  readonly secrets: SecretStore;
  readonly log: Logger;
  readonly now: () => number;
  readonly timers: AiTimers;
  readonly maxRetries: number;
  /** The workspace's AI policy; it overrules the desktop's own settings where it decides. */
  readonly policy: () => WireAiPolicy | null;
};

export type AskRequest<T> = {
  /** Absent for requests whose answers are not worth keeping (sentiment). */
  readonly cacheKind?: CacheKind;
  /** Skip the cache lookup (explicit refresh), still store the new answer. */
  readonly fresh?: boolean;
  /** Built with the redactor so every piece of text passes through it. */
  readonly turns: (clean: (text: string) => string) => readonly ChatTurn[];
  /** Null means the answer could not be understood. Receives redaction already undone. */
  readonly parse: (text: string) => T | null;
  readonly onText?: (soFar: string) => void;
};

export type AskResult<T> = AiOutcome<{ readonly value: T; readonly cached: boolean }>;

export type Gateway = {
  settings(): AiSettings;
  /** The early exit every feature takes before touching the store or the network. */
  disabled(): AiFailure | null;
  ask<T>(feature: string, request: AskRequest<T>): Promise<AskResult<T>>;
};

const failure = (reason: AiFailure['reason'], message: string): AiFailure => ({ ok: false, reason, message });

export const DISABLED: AiFailure = failure('disabled', 'AI is turned off.');

export function createGateway(deps: GatewayDeps): Gateway {
  // Read on every request, so a policy change or "AI off" applies to the very next one.
  const settings = (): AiSettings => applyAiPolicy(readSettings(deps.store.loadSettings()), deps.policy());

  // Endpoints seen answering a streamed request with one JSON body: ask them plainly
  // next time instead of paying for two requests.
  const ignoresStreaming = new Set<string>();

  const disabled = (): AiFailure | null => (settings().enabled ? null : DISABLED);

  async function ask<T>(feature: string, request: AskRequest<T>): Promise<AskResult<T>> {
    const s = settings();
    if (!s.enabled) return DISABLED;
    const redactor: Redactor | null = s.redact ? createRedactor() : null;
    const turns = request.turns(text => (redactor ? redactor.redact(text) : text));
    const restore = (text: string) => (redactor ? redactor.restore(text) : text);

    const key = request.cacheKind
      ? createHash('sha256')
          .update(JSON.stringify({ kind: request.cacheKind, baseUrl: s.baseUrl, model: s.model, turns }))
          .digest('hex')
      : null;
    if (key && !request.fresh) {
      const hit = deps.store.cacheGet(key);
      if (hit && deps.now() - hit.createdAt < CACHE_TTL_MS) {
        const value = request.parse(restore(hit.value));
        if (value !== null) return { ok: true, value, cached: true };
      }
    }

    const day = dayOf(deps.now());
    if (deps.store.usage(day) >= s.dailyBudget) {
      return failure('budget', `Today's AI budget of ${s.dailyBudget} requests is used up.`);
    }
    // Counted before sending: a request the endpoint may bill counts even if it fails.
    deps.store.addUsage(day, 1);

    const apiKey = await deps.secrets.getApiKey();
    const onText = ignoresStreaming.has(s.baseUrl) ? undefined : request.onText;
    const answer = await complete(
      { baseUrl: s.baseUrl, model: s.model, apiKey, timeoutMs: s.timeoutMs, maxRetries: deps.maxRetries },
      { turns, onText: onText ? soFar => onText(restore(soFar)) : undefined },
      deps.timers,
    );
    if (!answer.ok) {
      deps.log.warn('ai request failed', { feature, reason: answer.reason });
      return answer;
    }
    if (answer.streamIgnored) ignoresStreaming.add(s.baseUrl);
    const value = request.parse(restore(answer.text));
    if (value === null) {
      deps.log.warn('ai answer unreadable', { feature, chars: answer.text.length });
      return failure('bad_response', 'The AI answer could not be understood.');
    }
    // The redacted form is cached: it is what the endpoint saw and what the key hashes.
    if (key && request.cacheKind) {
      deps.store.cachePut(key, request.cacheKind, answer.text, deps.now());
      // Pruned as it grows: expired answers are never served, so keeping them only costs disk.
      deps.store.pruneCache(deps.now() - CACHE_TTL_MS, MAX_CACHE_ENTRIES);
    }
    return { ok: true, value, cached: false };
  }

  return { settings, disabled, ask };
}
