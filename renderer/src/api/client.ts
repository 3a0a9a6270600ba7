import type { CommandArgs, CommandName, CommandResult, DeskEvents, EventName } from '../../../common/api';
import type { Reply } from '../../../common/result';
import type { ConnectionState, Transport } from './transport';
import { chooseTransport } from './transport';

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
    const transport = chooseTransport();
    client = {
      invoke: (name, args) => transport.invoke(name, args),
      subscribe: (name, cb) => transport.subscribe(name, cb),
      onConnectionChange: cb => transport.onConnectionChange(cb),
      shell: transport.kind,
    };
  }
  return client;
}

export type { ConnectionState } from './transport';
