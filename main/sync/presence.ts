/**
 * Who of the team is online: the server tells every device when a session connects,
 * disconnects or reports away (`presence:changed`, live only), and lists the current
 * ones on request. A member with several devices counts as their best status. This
 * device's own status follows the user: 'away' after idle or a hidden window, 'online'
 * on activity, and is repeated after a reconnect (the server starts every session online).
 */
import type { PresenceStatus, TeamPresence } from '../../common/api/workspace';
import type { WirePresence } from '../../common/protocol';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';

const RANK: Readonly<Record<PresenceStatus, number>> = { offline: 0, away: 1, online: 2 };

/** memberId → best status over the member's devices. Pure, for the tracker and its tests. */
export function presenceByMember(devices: ReadonlyMap<string, WirePresence>): TeamPresence {
  const out: Record<string, PresenceStatus> = {};
  for (const p of devices.values()) {
    const prev = out[p.memberId] ?? 'offline';
    if (RANK[p.status] > RANK[prev]) out[p.memberId] = p.status;
  }
  return out;
}

export type PresenceDeps = {
  readonly call: (name: 'presence:list' | 'presence:set', args: unknown) => Promise<unknown>;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
};

export function createPresenceTracker(deps: PresenceDeps) {
  const devices = new Map<string, WirePresence>();
  let mine: 'online' | 'away' = 'online';
  let last = '';

  const announce = () => {
    const presence = presenceByMember(devices);
    const key = JSON.stringify(Object.entries(presence).sort());
    if (key === last) return;
    last = key;
    deps.events.emit('presence:changed', { presence });
  };

  const apply = (p: WirePresence) => {
    if (p.status === 'offline') devices.delete(p.deviceId);
    else devices.set(p.deviceId, p);
  };

  return {
    current: (): TeamPresence => presenceByMember(devices),
    /** A live `presence:changed` from the server. */
    changed(p: WirePresence): void {
      apply(p);
      announce();
    },
    /** After (re)connecting: the full list, and our own status if it is not the server's default. */
    async connected(): Promise<void> {
      try {
        if (mine === 'away') await deps.call('presence:set', { status: 'away' });
        const list = (await deps.call('presence:list', {})) as WirePresence[];
        devices.clear();
        for (const p of list) apply(p);
        announce();
      } catch (err) {
        deps.log.warn('presence not loaded', { err: String(err) });
      }
    },
    /** Offline, this device cannot know who is online: show nobody rather than stale dots. */
    disconnected(): void {
      devices.clear();
      announce();
    },
    /** The user went idle or came back. Remembered, and sent when the server is reachable. */
    async set(status: 'online' | 'away', online: boolean): Promise<void> {
      mine = status;
      if (online) await deps.call('presence:set', { status });
    },
  };
}

export type PresenceTracker = ReturnType<typeof createPresenceTracker>;
