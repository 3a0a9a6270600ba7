/**
 * Every message of a chat, oldest first, through the paged `messages:list` the UI uses,
 * whichever way a test reaches the core (in process, or over a host's bridge): the paging
 * is the same, only the call differs.
 */
import type { MessagesPage } from '../../common/api/inbox';
import type { Message } from '../../common/domain';

export type ListPage = (args: { chatId: string; limit: number; before?: string }) => Promise<MessagesPage>;

export async function allMessagePages(listPage: ListPage, chatId: string): Promise<Message[]> {
  const out: Message[] = [];
  let before: string | null = null;
  for (;;) {
    const page = await listPage({ chatId, limit: 200, ...(before ? { before } : {}) });
    out.unshift(...page.messages);
    if (!page.olderCursor || page.messages.length === 0) return out;
    before = page.olderCursor;
  }
}
