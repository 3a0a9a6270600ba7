/**
 * What the core process answers while the rest of the core still loads (#23): the inbox's
 * read-only queries, straight from the store. The first chat rows need only `chats:list`;
 * the rest of the core (accounts, sync, AI, automation, every other command's schema) is
 * ~1 MB of JavaScript and its start, which the first screen no longer waits for. Their
 * arguments are checked by hand (first-screen-args.ts), so neither zod nor the command
 * table loads here.
 */
import type { FirstScreenStore } from '../store/first-step';
import type { Dispatch, DispatchOptions, UntypedHandler } from './dispatch';
import { dispatchChecked } from './dispatch';
import { checkArgs, firstScreenShape } from './first-screen-args';
import { firstScreenHandlers } from './handlers/inbox';

/** Reads only: a write waits for the whole core, whose handlers also tell sync and accounts. */
export const FIRST_SCREEN_COMMANDS = ['chats:list', 'chats:get', 'chats:unreadCounts', 'messages:list'] as const;

export type FirstScreen = {
  serves(name: unknown): boolean;
  readonly dispatch: Dispatch;
};

export function firstScreen(store: FirstScreenStore, options: DispatchOptions = {}): FirstScreen {
  const names = new Set<unknown>(FIRST_SCREEN_COMMANDS);
  const handlers = firstScreenHandlers(store);
  return {
    serves: name => names.has(name),
    dispatch: dispatchChecked(
      firstScreenShape,
      checkArgs,
      name => handlers[name as (typeof FIRST_SCREEN_COMMANDS)[number]] as UntypedHandler,
      options,
    ),
  };
}
