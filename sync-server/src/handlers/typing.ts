/**
 * "X is replying": a volatile hint to the other members who may see the chat. It is never
 * logged (no event row, no audit row) because it is stale within seconds; a lost packet
 * only means the indicator appears late or expires on its own (`expiresAt`).
 */
import { visibleChat } from './access';
import type { Services, SyncSocket } from './context';
import type { HandlerTable } from './dispatch';
import { chatRooms, rooms } from './rooms';

/** How long a client shows "replying" without a refresh; typing clients repeat well within it. */
export const TYPING_TTL_MS = 6_000;
/** The same state for the same chat from one socket is relayed at most once per window. */
export const TYPING_REPEAT_MS = 2_000;
/** Per socket, state flips (start/stop) are relayed at most this many times per window, all chats together. */
const MAX_FLIPS_PER_WINDOW = 10;
/** Bounds the per-socket memory: a socket typing in more chats than this forgets the oldest. */
const MAX_TRACKED_CHATS = 64;

type SocketTyping = { last: Map<string, { at: number; active: boolean }>; windowStart: number; flips: number };
const bySocket = new WeakMap<SyncSocket, SocketTyping>();

/** True when this packet should go out; false when it repeats a recent state or the socket flips too often. */
function admit(socket: SyncSocket, chatId: string, active: boolean, now: number): boolean {
  let t = bySocket.get(socket);
  if (!t) bySocket.set(socket, (t = { last: new Map(), windowStart: now, flips: 0 }));
  const prev = t.last.get(chatId);
  if (prev && prev.active === active && now - prev.at < TYPING_REPEAT_MS) return false;
  if (now - t.windowStart >= TYPING_REPEAT_MS) {
    t.windowStart = now;
    t.flips = 0;
  }
  if (t.flips >= MAX_FLIPS_PER_WINDOW) return false;
  t.flips += 1;
  t.last.delete(chatId);
  t.last.set(chatId, { at: now, active });
  if (t.last.size > MAX_TRACKED_CHATS) t.last.delete(t.last.keys().next().value as string);
  return true;
}

export function typingHandlers(services: Services): Pick<HandlerTable, 'typing:set'> {
  const { db, io } = services;
  return {
    'typing:set': async (caller, { chatId, active }) => {
      // The same check as chat:get: unknown and invisible chats are both not_found.
      const chat = await visibleChat(db, caller, chatId);
      const now = Date.now();
      if (!caller.socket || !admit(caller.socket, chatId, active, now)) return { chatId, active };
      io.volatile
        .to(chatRooms(chat.accountId, chat.assigneeId))
        // Not back to the sender's own devices: "you are replying" tells them nothing.
        .except(rooms.member(caller.memberId))
        .emit('typing:changed', {
          chatId,
          memberId: caller.memberId,
          memberName: caller.name,
          active,
          expiresAt: active ? now + TYPING_TTL_MS : now,
        });
      return { chatId, active };
    },
  };
}
