/** Chat actions on a whatsapp-web.js chat: each flag given maps to one call of the library. */
import type { WebjsChat } from './client';

export type ChatFlagsRequest = {
  readonly chatJid: string;
  readonly pinned?: boolean | undefined;
  readonly archived?: boolean | undefined;
  readonly muted?: boolean | undefined;
  readonly unread?: boolean | undefined;
};

export async function applyChatFlags(
  chat: WebjsChat,
  req: ChatFlagsRequest,
  sendSeen: (jid: string) => Promise<unknown>,
): Promise<void> {
  if (req.pinned !== undefined) await (req.pinned ? chat.pin() : chat.unpin());
  if (req.archived !== undefined) await (req.archived ? chat.archive() : chat.unarchive());
  if (req.muted !== undefined) await (req.muted ? chat.mute() : chat.unmute());
  if (req.unread === true) await chat.markUnread();
  else if (req.unread === false) await sendSeen(req.chatJid);
}
