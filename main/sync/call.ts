import type { Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  CommandName as SyncCommand,
  CommandResult as SyncResult,
  ServerToClientEvents,
} from '../../common/protocol';
import type { Reply } from '../../common/result';
import { CommandError } from '../../common/result';

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
  let reply: Reply<SyncResult<K>>;
  try {
    // The typed emit cannot express the generic ack here; the reply is checked below.
    const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(n: string, a: unknown): Promise<Reply<SyncResult<K>>>;
    };
    reply = await emitter.emitWithAck(name, args);
  } catch {
    throw new CommandError('timeout', 'The workspace server did not answer in time.');
  }
  if (!reply.ok) throw new CommandError(reply.error.code, reply.error.message, reply.error.details);
  return reply.value;
}
