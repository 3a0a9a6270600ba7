/** Gathers a whole conversation (bounded) and its media through the core, then saves it. */
import type { MessagesPage } from '../../../../common/api/inbox';
import type { Chat, Message } from '../../../../common/domain';
import type { Reply } from '../../../../common/result';
import { api } from '../../api/client';
import type { ExportMedia } from './format';

/** More than a person reads in one file; the newest are kept when a chat is longer. */
export const EXPORT_MAX_MESSAGES = 20_000;
/** Media embedded in one HTML file, in characters of data: URL; the rest are listed, not embedded. */
export const EXPORT_MAX_MEDIA_CHARS = 60_000_000;
const PAGE = 200;

export type Collected = { readonly messages: Message[]; readonly capped: boolean };

/** Every stored message of the chat, oldest first, newest EXPORT_MAX_MESSAGES at most. */
export async function collectMessages(chat: Chat, progress: (n: number) => void): Promise<Reply<Collected>> {
  const pages: (readonly Message[])[] = [];
  let count = 0;
  let before: string | null = null;
  for (;;) {
    const r: Reply<MessagesPage> = await api().invoke('messages:list', {
      chatId: chat.id,
      limit: PAGE,
      ...(before === null ? {} : { before }),
    });
    if (!r.ok) return r;
    pages.unshift(r.value.messages);
    count += r.value.messages.length;
    progress(count);
    before = r.value.olderCursor;
    const capped = count >= EXPORT_MAX_MESSAGES && before !== null;
    if (before === null || capped) {
      const messages = pages.flat().filter(m => m.type !== 'reaction');
      return { ok: true, value: { messages, capped } };
    }
  }
}

/** The files of the messages that have one, while the budget lasts; a failed one is null. */
export async function collectMedia(messages: readonly Message[]): Promise<Map<string, ExportMedia>> {
  const out = new Map<string, ExportMedia>();
  let budget = EXPORT_MAX_MEDIA_CHARS;
  for (const m of messages) {
    if (m.revoked || !m.media) continue;
    const r = budget > 0 ? await api().invoke('media:url', { messageId: m.id }) : null;
    if (r?.ok && r.value.url.length <= budget) {
      budget -= r.value.url.length;
      out.set(m.id, { dataUrl: r.value.url, mimeType: m.media.mimeType });
    } else out.set(m.id, null);
  }
  return out;
}
