import type { Socket } from 'socket.io-client';
import type { z } from 'zod';
import type {
  ClientToServerEvents,
  CommandName as SyncCommand,
  CommandResult as SyncResult,
  ServerToClientEvents,
} from '../../common/protocol';
import { commandReplySchemas, errorCodeSchema, replyEnvelopeSchema } from '../../common/reply-schemas';
import { CommandError } from '../../common/result';
import { invalidReplyDetails } from './facts';

const ACK_TIMEOUT_MS = 15_000;

/**
 * One command to the workspace server and its reply as a value or a CommandError.
 * 'unavailable' means nothing left this device (not connected); 'timeout' means the
 * command may or may not have reached the server.
 */
export async function callOver<K extends SyncCommand>(
  socket: Socket<ServerToClientEvents, ClientToServerEvents> | null,
  name: K,
  args: unknown,
): Promise<SyncResult<K>> {
  if (!socket?.connected) throw new CommandError('unavailable', 'The workspace server is not reachable right now.');
  let reply: unknown;
  try {
    // The typed emit cannot express the generic ack here; the reply is parsed below.
    const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(n: string, a: unknown): Promise<unknown>;
    };
    reply = await emitter.emitWithAck(name, args);
  } catch {
    throw new CommandError('timeout', 'The workspace server did not answer in time.');
  }
  return readReply(name, reply);
}

const unreadable = (name: SyncCommand, error: z.ZodError, at: readonly PropertyKey[] = []) =>
  new CommandError(
    'internal',
    'The workspace server sent a reply this version of Blazz Desk cannot read.',
    invalidReplyDetails(name, error, at),
  );

/**
 * A reply as it came off the socket: the command's value, or the CommandError it stands for.
 * A malformed reply is refused whole rather than used in part: it may be a newer server's
 * answer whose meaning changed, and the caller handles a failed command anyway.
 */
export function readReply<K extends SyncCommand>(name: K, raw: unknown): SyncResult<K> {
  const reply = replyEnvelopeSchema.safeParse(raw);
  if (!reply.success) throw unreadable(name, reply.error);
  if (!reply.data.ok) {
    const { code, message, details } = reply.data.error;
    const known = errorCodeSchema.safeParse(code);
    if (known.success) throw new CommandError(known.data, message, details);
    // A newer server's code: the user still gets its words, and the log its code.
    throw new CommandError('internal', message, { reason: 'unknown_error_code', code, details });
  }
  // Widened: indexing the table with a generic name gives a union no call can be made on.
  const schema: z.ZodType = commandReplySchemas[name];
  const value = schema.safeParse(reply.data.value);
  if (!value.success) throw unreadable(name, value.error, ['value']);
  // The table's checks (reply-schemas.ts) tie each schema's output to SyncResult<K>, except
  // that a pull page's facts are still unread here: event-log.ts parses them (facts.ts).
  return value.data as SyncResult<K>;
}
