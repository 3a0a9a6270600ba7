import type { Account } from '../domain';

/**
 * Core→renderer facts, named `domain:past-tense`. The payloads come from the core (trusted
 * side); the preload and the host bridge forward only names listed in `deskEventNames`.
 */
export type DeskEvents = {
  'accounts:changed': { readonly accounts: readonly Account[] };
  'app:notified': { readonly level: 'info' | 'warning' | 'error'; readonly message: string };
};

export type EventName = keyof DeskEvents;

// A Record keyed by every event name, so adding an event without listing it fails to compile.
const eventNameSet: Record<EventName, true> = {
  'accounts:changed': true,
  'app:notified': true,
};
export const deskEventNames = Object.keys(eventNameSet) as readonly EventName[];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventNameSet, name);
