import type { DeskEvents, EventName } from '../../common/api';

export type AnyEventListener = <E extends EventName>(name: E, payload: DeskEvents[E]) => void;

/** Core→renderer facts. Bridges subscribe to everything and forward it to their clients. */
export type EventBus = {
  emit<E extends EventName>(name: E, payload: DeskEvents[E]): void;
  /** Returns an unsubscribe function. */
  subscribe(listener: AnyEventListener): () => void;
};

export function createEventBus(onListenerError?: (err: unknown) => void): EventBus {
  const listeners = new Set<AnyEventListener>();
  return {
    emit(name, payload) {
      for (const listener of listeners) {
        // One broken listener (a closed window) must not stop delivery to the others.
        try {
          listener(name, payload);
        } catch (err) {
          onListenerError?.(err);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
