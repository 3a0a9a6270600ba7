/**
 * A call the renderer's first script makes before the app's bundle has run (api/early.ts,
 * #23), handed to the app's first call of the same command. The app's own call would wait
 * for its bundle, its first render and the bridge's handshake; asked early, the handshake
 * and the core's answer overlap all three.
 */
import type { CommandArgs, CommandName } from '../../../common/api';
import type { Reply } from '../../../common/result';
import type { Transport } from './transport';

/**
 * Events after which an early answer may no longer be the list as it is: the app subscribes
 * to them only once its bundle runs, so it would miss them.
 */
const CHANGES_THE_ANSWER = ['chats:changed', 'chats:removed'] as const;

export type EarlyCall = {
  /**
   * The early answer for the app's first call of this command, when that call has the same
   * arguments, no change arrived meanwhile and the answer is a success (a failure is asked
   * again). Null otherwise, and for every later call: those go to the core.
   */
  take(name: string, args: unknown): Promise<Reply<unknown>> | null;
};

export function callEarly<K extends CommandName>(
  transport: Pick<Transport, 'invoke' | 'subscribe'>,
  name: K,
  args: CommandArgs<K>,
): EarlyCall {
  // Both sides build the arguments with the same code (lib/inbox.ts), so their JSON matches.
  const key = JSON.stringify(args);
  let changed = false;
  let offered = true;
  const offs = CHANGES_THE_ANSWER.map(event => transport.subscribe(event, () => (changed = true)));
  const reply = transport.invoke(name, args);
  return {
    take(calledName, calledArgs) {
      if (!offered || calledName !== name) return null;
      // Offered to the first call only: an answer kept longer would be an old list.
      offered = false;
      offs.forEach(off => off());
      if (changed || JSON.stringify(calledArgs) !== key) return null;
      return reply.then(r => (r.ok ? r : transport.invoke(name, args)));
    },
  };
}
