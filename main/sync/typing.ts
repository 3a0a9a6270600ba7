/**
 * "X is replying": the composer reports typing through the core; the server relays it,
 * live only, to the other devices that may see the chat. Reports are throttled here so a
 * fast typist sends one every few seconds, and the server's `expiresAt` lets a receiver
 * drop the indicator even if the "stopped" never arrives.
 */
import type { TypingInfo } from '../../common/api/workspace';
import { wireTypingSchema } from '../../common/wire-schemas';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';
import { parseLive } from './facts';

/** Repeat an "active" report at most this often per chat (the server keeps it 6 s). */
export const TYPING_REPEAT_MS = 2_500;

/**
 * Which reports to send: the first "active", then one per TYPING_REPEAT_MS while typing
 * continues, and "inactive" only after an "active" went out. Pure apart from the clock.
 */
export function createTypingThrottle(now: () => number = Date.now) {
  const lastActive = new Map<string, number>();
  return {
    shouldSend(chatId: string, active: boolean): boolean {
      const at = lastActive.get(chatId);
      if (!active) {
        if (at === undefined) return false;
        lastActive.delete(chatId);
        return true;
      }
      if (at !== undefined && now() - at < TYPING_REPEAT_MS) return false;
      lastActive.set(chatId, now());
      return true;
    },
    /** After a disconnect every report must start over. */
    reset: () => lastActive.clear(),
  };
}

export type TypingDeps = {
  readonly call: (name: 'typing:set', args: { chatId: string; active: boolean }) => Promise<unknown>;
  readonly isOnline: () => boolean;
  readonly myMemberId: () => string | null;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
  readonly now?: () => number;
};

export function createTypingRelay(deps: TypingDeps) {
  const throttle = createTypingThrottle(deps.now);
  return {
    /** From the composer. Offline, nobody could see it: nothing is sent or remembered. */
    async report(chatId: string, active: boolean): Promise<{ sent: boolean }> {
      if (!deps.isOnline() || !throttle.shouldSend(chatId, active)) return { sent: false };
      try {
        await deps.call('typing:set', { chatId, active });
        return { sent: true };
      } catch (err) {
        // Best effort: a lost indicator is not worth an error in the composer.
        deps.log.warn('typing not reported', { err: String(err) });
        return { sent: false };
      }
    },
    /** A teammate's typing from the server; malformed ones are logged and dropped, our own echoes ignored. */
    received(raw: unknown): void {
      const parsed = parseLive(wireTypingSchema, 'typing:changed', raw, deps.log);
      if (!parsed || parsed.memberId === deps.myMemberId()) return;
      const typing: TypingInfo = parsed;
      deps.events.emit('typing:changed', { typing });
    },
    reset: () => throttle.reset(),
  };
}

export type TypingRelay = ReturnType<typeof createTypingRelay>;
