/**
 * The host side that every relayed request shares (reactions, edits and deletes: what a
 * teammate's device asks of a number hosted here): the payload is parsed first, like every
 * live event; a request is performed at most once per run however often it is delivered,
 * then reported; one whose report did not reach the server is forgotten, so the server's
 * next offer (on reconnect) is performed and reported again. Each domain's file names its
 * event, its id, the provider call and the report; the request's own code (the provider's
 * refusal) is what is reported.
 */
import type { z } from 'zod';
import { recentIds } from './recent-ids';
import type { Logger } from '../platform/log';
import { parseLive } from './facts';

/** What the server relays: a request for one of the host's numbers, queued until reported. */
type RelayedRequest = { readonly accountId: string; readonly state: string };

export type RelayedOutcome = { status: 'sent' | 'failed'; error: string | null };

export type RelayedExecutorSpec<K extends string, R extends RelayedRequest & Record<K, string>> = {
  /** The live event it listens to (named in the log when a payload is malformed). */
  readonly event: string;
  readonly schema: z.ZodType<R>;
  /** The request's id field, as its report and the log name it. */
  readonly idField: K;
  /** Performs the request through the provider; null when this desktop has no provider for it. Rejects with what was refused. */
  readonly perform: (r: R) => Promise<unknown> | null;
  readonly report: (id: string, outcome: RelayedOutcome) => Promise<unknown>;
  /** Told once a request was performed. */
  readonly performed?: (r: R) => void;
  /** The log line when the report did not reach the server. */
  readonly notReported: string;
};

export type RelayedExecutorDeps = {
  readonly isHosted: (accountId: string) => boolean;
  readonly log: Logger;
};

/** The provider's refusal as the report carries it: its code when it has a plain one. */
const codeOf = (err: unknown): string => {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[a-z_]{1,60}$/.test(code) ? code : 'unavailable';
};

/** The `…:requested` listener for one kind of relayed request. */
export function createRelayedExecutor<K extends string, R extends RelayedRequest & Record<K, string>>(
  spec: RelayedExecutorSpec<K, R>,
  deps: RelayedExecutorDeps,
): (raw: unknown) => Promise<void> {
  const handled = recentIds();
  return async raw => {
    const r = parseLive(spec.schema, spec.event, raw, deps.log);
    if (!r || r.state !== 'queued') return;
    const id = r[spec.idField];
    if (handled.has(id) || !deps.isHosted(r.accountId)) return;
    handled.add(id);
    let outcome: RelayedOutcome;
    try {
      const done = spec.perform(r);
      if (!done) throw new Error('no provider here');
      await done;
      outcome = { status: 'sent', error: null };
      spec.performed?.(r);
    } catch (err) {
      outcome = { status: 'failed', error: codeOf(err) };
    }
    try {
      await spec.report(id, outcome);
    } catch (err) {
      // Not reported: the server offers it again when we reconnect.
      handled.delete(id);
      deps.log.warn(spec.notReported, { [spec.idField]: id, err: String(err) });
    }
  };
}
