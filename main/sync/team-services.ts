/**
 * The workspace's smaller services a desktop runs beside the event log: presence, typing,
 * notes waiting to send, the managed tag list and the AI policy. Each speaks to the server
 * through the sync client's `call`; workspace-sync.ts wires them to the connection.
 */
import type { CommandName as SyncCommand, CommandResult as SyncResult } from '../../common/protocol';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import type { Store } from '../store';
import { createAiPolicySync } from './ai-policy';
import { createChatChangeSender } from './chat-change-sender';
import { createNoteSender } from './note-sender';
import { createPresenceTracker } from './presence';
import { createTagCache } from './tags';
import { createTypingRelay } from './typing';

export type TeamServicesDeps = {
  readonly store: Store;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
  readonly call: <K extends SyncCommand>(name: K, args: unknown) => Promise<SyncResult<K>>;
  readonly isOnline: () => boolean;
  /** The signed-in member (notes are written as them), null when signed out. */
  readonly me: () => { readonly id: string; readonly name: string } | null;
};

export function createTeamServices(deps: TeamServicesDeps) {
  const { store, events, log, call, isOnline } = deps;
  return {
    presence: createPresenceTracker({ call: (name, args) => call(name, args), events, log }),
    typing: createTypingRelay({
      call: (name, args) => call(name, args),
      isOnline,
      myMemberId: () => deps.me()?.id ?? null,
      events,
      log,
    }),
    tags: createTagCache({ store, events, listFromServer: () => call('tag:list', {}), log }),
    aiPolicy: createAiPolicySync({
      store,
      call: (name, args) => call(name, args),
      log,
      changed: policy => events.emit('ai:policy:changed', { policy }),
    }),
    chatChanges: createChatChangeSender({
      store,
      setStatus: args => call('chat:set-status', args),
      setTags: args => call('chat:set-tags', args),
      setFlags: args => call('chat:set-flags', args),
      isOnline,
      events,
      log,
    }),
    notes: createNoteSender({ store, addNote: args => call('note:add', args), isOnline, me: deps.me, events, log }),
  };
}
