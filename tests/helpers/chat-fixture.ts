import type { Chat } from '../../common/domain';
import { asAccountId, asChatId } from '../../common/domain';

/** A one-to-one chat of account `a1` with customer `<key>@c.us`; override any field. */
export function chatFixture(key: string, extra: Partial<Chat> = {}): Chat {
  return {
    id: asChatId(key),
    accountId: asAccountId('a1'),
    jid: `${key}@c.us`,
    isGroup: false,
    name: key,
    lastMessagePreview: null,
    lastMessageKind: null,
    lastMessageAt: 1,
    lastMessageFromMe: false,
    unreadCount: 0,
    pinned: false,
    archived: false,
    muted: false,
    status: 'open',
    assigneeId: null,
    tags: [],
    version: 1,
    ...extra,
  };
}
