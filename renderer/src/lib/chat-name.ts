/**
 * How a chat is named on screen, in one place. The core sends the name WhatsApp, the contact
 * or an agent gave the chat, or '' when there is none. A lid (`<digits>@lid`, WhatsApp's
 * privacy id) is no phone number, so an unnamed lid chat is "Hidden number", never its
 * digits; an unnamed phone chat shows its number.
 */
import { useCallback } from 'react';
import { useT } from '../i18n';

export function chatName(
  chat: { readonly name: string; readonly jid: string },
  t: (key: 'chat.hiddenNumber') => string,
): string {
  if (chat.name.trim() !== '') return chat.name;
  const [user, server] = chat.jid.split('@');
  if (server === 'lid') return t('chat.hiddenNumber');
  return user || chat.jid;
}

/** `chatName` in the reader's language, re-rendered when it changes. */
export function useChatName(): (chat: { readonly name: string; readonly jid: string }) => string {
  const t = useT();
  return useCallback(chat => chatName(chat, t), [t]);
}
