import type { CommandName, CommandResult, ParsedArgs } from '../../common/api';
import { deskCommands } from '../../common/api';
import type { CallContext, Dispatch, DispatchOptions, UntypedHandler } from './dispatch';
import { dispatchOver } from './dispatch';

export type { CallContext, Dispatch, DispatchOptions } from './dispatch';

export type Handler<K extends CommandName> = (
  args: ParsedArgs<K>,
  ctx: CallContext,
) => Promise<CommandResult<K>> | CommandResult<K>;

/** One handler per command: a command without a handler is a compile error. */
export type HandlerTable = { readonly [K in CommandName]: Handler<K> };

/**
 * The single entry point both bridges call. It never throws: unknown names, oversized or
 * malformed arguments and handler failures all come back as `{ ok: false, error }`.
 */
export function createDispatch(handlers: HandlerTable, options: DispatchOptions = {}): Dispatch {
  // The table is indexed by the same name the schema came from, so the pairing holds.
  return dispatchOver(deskCommands, name => handlers[name as CommandName] as UntypedHandler, options);
}
