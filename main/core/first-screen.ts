/**
 * What the core process answers while the rest of the core still loads (#23): the inbox's
 * read-only queries, straight from the store. The first chat rows need only `chats:list`;
 * the rest of the core (accounts, sync, AI, automation, every other command's schema) is
 * ~1 MB of JavaScript and its start, which the first screen no longer waits for. Only the
 * inbox's schemas load here, not the whole command table (router.ts).
 */
import { inboxCommands } from '../../common/api/inbox';
import type { Store } from '../store';
import type { Dispatch, DispatchOptions, UntypedHandler } from './dispatch';
import { dispatchOver } from './dispatch';
import { inboxHandlers } from './handlers/inbox';

/** Reads only: a write waits for the whole core, whose handlers also tell sync and accounts. */
export const FIRST_SCREEN_COMMANDS = ['chats:list', 'chats:get', 'chats:unreadCounts', 'messages:list'] as const;

export type FirstScreen = {
  serves(name: unknown): boolean;
  readonly dispatch: Dispatch;
};

export function firstScreen(store: Store, options: DispatchOptions = {}): FirstScreen {
  const names = new Set<unknown>(FIRST_SCREEN_COMMANDS);
  const handlers = inboxHandlers(store);
  const specs = Object.fromEntries(FIRST_SCREEN_COMMANDS.map(n => [n, inboxCommands[n]]));
  return {
    serves: name => names.has(name),
    dispatch: dispatchOver(
      specs,
      name => handlers[name as (typeof FIRST_SCREEN_COMMANDS)[number]] as UntypedHandler,
      options,
    ),
  };
}
