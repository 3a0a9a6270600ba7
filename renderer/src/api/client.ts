import type { CommandArgs, CommandName, CommandResult, DeskEvents, EventName } from '../../../common/api';
import type { Reply } from '../../../common/result';
import { bootTransport, firstPage } from './early';
import type { ConnectionState, Transport } from './transport';

/**
 * The renderer's only door to the core. Stores call `api.invoke`; components never see the
 * transport (a lint rule keeps window.desk and socket.io inside renderer/src/api/).
 */
export type ApiClient = {
  invoke<K extends CommandName>(name: K, args: CommandArgs<K>): Promise<Reply<CommandResult<K>>>;
  subscribe<E extends EventName>(name: E, cb: (payload: DeskEvents[E]) => void): () => void;
  onConnectionChange(cb: (state: ConnectionState) => void): () => void;
  readonly shell: Transport['kind'];
};

let client: ApiClient | null = null;

export function api(): ApiClient {
  if (!client) {
    // Opened by the page's first script, which also asked for the inbox's first page.
    const transport = bootTransport;
    client = {
      invoke<K extends CommandName>(name: K, args: CommandArgs<K>) {
        // The early answer is this command's: the core gave it to these same arguments.
        const early = firstPage.take(name, args) as Promise<Reply<CommandResult<K>>> | null;
        return early ?? transport.invoke(name, args);
      },
      subscribe: (name, cb) => transport.subscribe(name, cb),
      onConnectionChange: cb => transport.onConnectionChange(cb),
      shell: transport.kind,
    };
  }
  return client;
}

export type { ConnectionState } from './transport';
