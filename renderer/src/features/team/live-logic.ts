/**
 * Pure rules of the live team features: presence from idleness, who is replying in a chat,
 * which typing report to send, pending notes, the handover's "Use draft". No React, no API:
 * unit-tested in plain Node.
 */
import type { PendingNote, PresenceStatus, TeamPresence, TypingInfo } from '../../../../common/api/workspace';
import type { ChatId, Note } from '../../../../common/domain';

/** Away after this long without keyboard, mouse or touch input while the window is visible. */
export const IDLE_AFTER_MS = 5 * 60_000;
/** Typing stops counting this long after the last keystroke (the server's own expiry is 6 s). */
export const TYPING_IDLE_MS = 4_000;

export const presenceOf = (presence: TeamPresence, memberId: string): PresenceStatus => presence[memberId] ?? 'offline';

/** The status this device should report: away when hidden or idle, online otherwise. */
export function desiredPresence(input: {
  readonly hidden: boolean;
  readonly lastInputAt: number;
  readonly now: number;
}): 'online' | 'away' {
  return input.hidden || input.now - input.lastInputAt >= IDLE_AFTER_MS ? 'away' : 'online';
}

// ── "X is replying" ──────────────────────────────────────────────────────────────────────

export type TypingByChat = ReadonlyMap<string, readonly TypingInfo[]>;

/** Applies one report: an active one replaces the member's previous one, an inactive one removes it. */
export function applyTyping(byChat: TypingByChat, info: TypingInfo, now: number): TypingByChat {
  const others = (byChat.get(info.chatId) ?? []).filter(t => t.memberId !== info.memberId && t.expiresAt > now);
  const list = info.active && info.expiresAt > now ? [...others, info] : others;
  const next = new Map(byChat);
  if (list.length) next.set(info.chatId, list);
  else next.delete(info.chatId);
  return next;
}

/** Names of the teammates replying in a chat now (expired reports are ignored). */
export function replyingIn(byChat: TypingByChat, chatId: string, now: number): readonly string[] {
  return (byChat.get(chatId) ?? []).filter(t => t.expiresAt > now).map(t => t.memberName);
}

/** The earliest moment a shown indicator expires, to re-render then; null when none is shown. */
export function nextExpiry(byChat: TypingByChat, chatId: string, now: number): number | null {
  const times = (byChat.get(chatId) ?? []).map(t => t.expiresAt).filter(t => t > now);
  return times.length ? Math.min(...times) : null;
}

/**
 * What the composer's text change means for the typing report: typing when there is text
 * and it changed, stopped when it was cleared (sent, or deleted). null: nothing to say.
 */
export function typingChange(before: string, after: string): boolean | null {
  if (before === after) return null;
  if (after.trim() === '') return before.trim() === '' ? null : false;
  return true;
}

// ── Pending notes and handover ───────────────────────────────────────────────────────────

export type PendingByChat = ReadonlyMap<ChatId, readonly PendingNote[]>;

export function setPending(byChat: PendingByChat, chatId: ChatId, pending: readonly PendingNote[]): PendingByChat {
  const next = new Map(byChat);
  if (pending.length) next.set(chatId, pending);
  else next.delete(chatId);
  return next;
}

/**
 * The handover whose draft the agent may take over: the newest handover note with a
 * draft, offered only while the agent's own draft for the chat is empty (never overwrite
 * what they typed).
 */
export function offeredDraft(notes: readonly Note[], ownDraft: string): Note | null {
  if (ownDraft.trim() !== '') return null;
  for (let i = notes.length - 1; i >= 0; i--) {
    const n = notes[i]!;
    if (n.kind === 'handover') return n.draft?.trim() ? n : null;
  }
  return null;
}
