/**
 * Checks what the workspace server sends before the desktop uses it (ARCHITECTURE §8:
 * every event from a socket is validated). A malformed fact is dropped on its own, so one
 * bad fact never costs the facts around it; a pull page whose envelope is malformed fails
 * the pull, which is then retried like any failed pull. Unknown fields are stripped by the
 * schemas, so a newer server's additions pass.
 */
import type { z } from 'zod';
import type { CommandName, PullPage, SyncEvent } from '../../common/protocol';
import { CommandError } from '../../common/result';
import { pullPageEnvelopeSchema, syncEventSchema } from '../../common/wire-schemas';
import type { Logger } from '../platform/log';

/** Dropped facts named in one log line; the rest are only counted, so a broken server cannot flood the log. */
const NAMED_DROPS = 5;
/** Issue paths named per dropped fact: the first ones say enough to find the bug. */
const NAMED_ISSUES = 3;

type Drop = { seq: unknown; type: unknown; issues: string[] };

const issuePaths = (error: z.ZodError): string[] =>
  error.issues.slice(0, NAMED_ISSUES).map(i => `${i.path.join('.') || '(root)'}: ${i.message}`);

/** Issues named in a refused reply's details: as many as the server names in its own invalid_args. */
const REPLY_ISSUES = 5;

/**
 * The details of a CommandError for a reply this device cannot read (call.ts, and a pull
 * page's envelope here): the same shape for every command. `at` is where the parsed part
 * sits in the reply, so each path names the field as the server sent it.
 */
export const invalidReplyDetails = (command: CommandName, error: z.ZodError, at: readonly PropertyKey[] = []) => ({
  reason: 'invalid_reply' as const,
  command,
  issues: error.issues
    .slice(0, REPLY_ISSUES)
    .map(i => ({ path: [...at, ...i.path].map(String).join('.') || '(root)', message: i.message })),
});

/** What can still be read of a malformed fact, to find it in the server's log. */
function dropOf(raw: unknown, error: z.ZodError): Drop {
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  // Bounded: a malformed fact may carry anything in these fields.
  const readable = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' ? v.slice(0, 80) : null);
  return { seq: readable(fields.seq), type: readable(fields.type), issues: issuePaths(error) };
}

/** Valid facts in the order they came; invalid ones are dropped and logged together. */
export function parseFacts(raw: readonly unknown[], source: 'sync:facts' | 'sync:pull', log: Logger): SyncEvent[] {
  const facts: SyncEvent[] = [];
  const drops: Drop[] = [];
  for (const item of raw) {
    const parsed = syncEventSchema.safeParse(item);
    if (parsed.success) facts.push(parsed.data);
    else drops.push(dropOf(item, parsed.error));
  }
  if (drops.length > 0)
    log.error('malformed workspace facts dropped', {
      source,
      dropped: drops.length,
      of: raw.length,
      facts: drops.slice(0, NAMED_DROPS),
    });
  return facts;
}

/** A live `sync:facts` packet: an array of facts, or nothing usable. */
export function parseLivePacket(packet: unknown, log: Logger): SyncEvent[] {
  if (Array.isArray(packet)) return parseFacts(packet, 'sync:facts', log);
  log.error('malformed workspace packet ignored', { source: 'sync:facts', got: typeof packet });
  return [];
}

/**
 * A `sync:pull` reply. Its facts are checked one by one and a malformed one is dropped,
 * while the page's cursor still moves past it: the same outcome as a fact whose apply
 * throws. Retrying could not help, as the server would send the same fact again.
 */
export function parsePullPage(reply: unknown, log: Logger): PullPage {
  const page = pullPageEnvelopeSchema.safeParse(reply);
  if (!page.success)
    throw new CommandError(
      'internal',
      'The workspace server sent a reply this version of Blazz Desk cannot read.',
      invalidReplyDetails('sync:pull', page.error),
    );
  return {
    events: parseFacts(page.data.events, 'sync:pull', log),
    cursor: page.data.cursor,
    hasMore: page.data.hasMore,
  };
}

/** A live-only payload (`send:requested`, `presence:changed`, `typing:changed`): parsed, or logged and dropped. */
export function parseLive<S extends z.ZodType>(
  schema: S,
  event: string,
  raw: unknown,
  log: Logger,
): z.output<S> | null {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  log.warn('malformed workspace event dropped', { event, issues: issuePaths(parsed.error) });
  return null;
}
