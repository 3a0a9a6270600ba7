/**
 * Edits and deletes asked for on a number another desktop hosts (message:change through the
 * server): the bubble says the change waits for that desktop (queued while it is offline)
 * until the core's `messages:change-settled` says how it went. A success needs no word (the
 * message arrives edited or deleted); a refusal stays on the bubble with its code.
 */
import { create } from 'zustand';
import { api } from '../../api/client';

export type RelayedChange = {
  readonly kind: 'edit' | 'delete';
  readonly state: 'queued' | 'failed';
  readonly error: string | null;
};

type RelayedChangesState = {
  readonly byMessage: ReadonlyMap<string, RelayedChange>;
  /** The server took the change; it waits for the number's host. */
  queued(messageId: string, kind: RelayedChange['kind']): void;
  settled(e: { messageId: string; kind: RelayedChange['kind']; state: 'sent' | 'failed'; error: string | null }): void;
};

export const useRelayedChanges = create<RelayedChangesState>((set, get) => {
  let listening = false;
  const put = (id: string, c: RelayedChange | null) => {
    const next = new Map(get().byMessage);
    if (c) next.set(id, c);
    else next.delete(id);
    set({ byMessage: next });
  };
  return {
    byMessage: new Map(),
    queued(messageId, kind) {
      // Subscribed on the first relayed change only: most desktops host every number they see.
      if (!listening) {
        listening = true;
        api().subscribe('messages:change-settled', e => get().settled(e));
      }
      put(messageId, { kind, state: 'queued', error: null });
    },
    settled(e) {
      put(e.messageId, e.state === 'sent' ? null : { kind: e.kind, state: 'failed', error: e.error ?? 'unavailable' });
    },
  };
});
