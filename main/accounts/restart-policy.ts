/**
 * When a failed account tries again, and when it stops to ask: exponential backoff under
 * an hourly cap, and for a number never linked, a stop after a few failures in a row (its
 * owner is most likely watching the add dialog, which offers "Try again now").
 */
import type { SupervisorTimings } from './timings';

export type RestartDecision =
  { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'stop'; readonly tries: number };

export function decideRestart(o: {
  readonly timings: SupervisorTimings;
  /** Restarts within the window, already filtered to it. */
  readonly recentRestarts: number;
  /** Failures in a row since the last ready or the last Start. */
  readonly attempt: number;
  readonly linking: boolean;
}): RestartDecision {
  const { maxRestartsPerWindow, linkTriesBeforeAsking, backoffBaseMs, backoffMaxMs } = o.timings;
  const tries = o.linking ? o.attempt + 1 : o.recentRestarts + 1;
  if (o.recentRestarts >= maxRestartsPerWindow || (o.linking && tries >= linkTriesBeforeAsking))
    return { kind: 'stop', tries };
  return { kind: 'retry', delayMs: Math.min(backoffBaseMs * 2 ** o.attempt, backoffMaxMs) };
}
