/**
 * One valid fact of every type, as the workspace server sends them, for the wire-schema
 * and desktop tests, with the builders of their parts (chats, messages, sends). The map is
 * keyed by type, so a new fact type without a sample here fails to compile. One valid reply
 * for every command is wire-replies.ts: replies are built from these facts, and most tests
 * need only the facts.
 */
import type {
  SyncEvent,
  SyncEventType,
  WireChat,
  WireMessage,
  WirePresence,
  WireSend,
  WireTyping,
} from '../../../common/protocol';

export const T0 = Date.UTC(2025, 0, 1, 9, 0, 0);
export const REMOTE = 'acc-remote';
export const MEMBER = '00000000-0000-4000-8000-0000000000a1';
export const jidOf = (n: number) => `62812000${n}@c.us`;
export const chatIdOf = (n: number) => `${REMOTE}:${jidOf(n)}`;

export const wireChat = (n: number, over: Partial<WireChat> = {}): WireChat => ({
  id: chatIdOf(n),
  accountId: REMOTE,
  jid: jidOf(n),
  isGroup: false,
  name: `Customer ${n}`,
  lastMessageAt: T0,
  unreadCount: 1,
  status: 'open',
  assigneeId: MEMBER,
  tags: ['vip'],
  version: 3,
  ...over,
});

export const wireMessage = (n: number, providerMessageId: string, over: Partial<WireMessage> = {}): WireMessage => ({
  rowId: 41,
  accountId: REMOTE,
  chatId: chatIdOf(n),
  providerMessageId,
  fromMe: false,
  author: null,
  authorName: null,
  type: 'image',
  body: null,
  caption: 'the receipt',
  media: { mimeType: 'image/jpeg', fileName: null, size: 1200, sha256: null },
  location: null,
  quotedProviderMessageId: null,
  timestamp: T0 + 1_000,
  ack: 'delivered',
  edited: false,
  revoked: false,
  clientMessageId: null,
  ...over,
});

export const wireSend = (over: Partial<WireSend> = {}): WireSend => ({
  clientMessageId: '00000000-0000-4000-8000-0000000000c1',
  accountId: REMOTE,
  chatId: chatIdOf(1),
  chatJid: jidOf(1),
  senderId: MEMBER,
  body: 'On its way',
  quotedProviderMessageId: null,
  state: 'sent',
  providerMessageId: 'pm-sent-1',
  error: null,
  createdAt: T0,
  ...over,
});

export const wireTyping: WireTyping = {
  chatId: chatIdOf(1),
  memberId: MEMBER,
  memberName: 'Ana',
  active: true,
  expiresAt: T0 + 6_000,
};
export const wirePresence: WirePresence = { memberId: MEMBER, deviceId: 'dev-1', status: 'away' };

type FactOf<K extends SyncEventType> = Extract<SyncEvent, { type: K }>;

export const FACTS: { readonly [K in SyncEventType]: FactOf<K> } = {
  'chat:upserted': { type: 'chat:upserted', seq: 1, chat: wireChat(1) },
  'chat:updated': { type: 'chat:updated', seq: 2, chat: wireChat(1, { status: 'pending', version: 4 }) },
  'chat:granted': { type: 'chat:granted', seq: 3, chat: wireChat(2, { lastMessageAt: null, assigneeId: null }) },
  'chat:revoked': { type: 'chat:revoked', seq: 4, chatId: chatIdOf(2), reason: 'role_changed' },
  'messages:upserted': {
    type: 'messages:upserted',
    seq: 5,
    chatId: chatIdOf(1),
    messages: [
      wireMessage(1, 'pm-1', { caption: 'for @628120001', mentions: ['628120001@c.us'] }),
      wireMessage(1, 'pm-2', { type: 'location', location: { lat: 1, lng: 2, name: null }, media: null }),
    ],
  },
  'contacts:upserted': {
    type: 'contacts:upserted',
    seq: 6,
    accountId: REMOTE,
    contacts: [{ accountId: REMOTE, jid: jidOf(1), lid: null, phone: '628120001', name: 'Budi', pushName: null }],
  },
  'note:added': {
    type: 'note:added',
    seq: 7,
    note: {
      id: 'note-1',
      chatId: chatIdOf(1),
      authorId: MEMBER,
      body: 'Refund approved',
      createdAt: T0,
      kind: 'handover',
      draft: 'Hi, about your refund',
      summary: null,
      clientNoteId: '00000000-0000-4000-8000-0000000000d1',
    },
  },
  'send:updated': { type: 'send:updated', seq: 8, send: wireSend() },
  'account:updated': {
    type: 'account:updated',
    seq: 9,
    account: {
      id: REMOTE,
      name: 'Sales',
      phone: null,
      provider: 'simulator',
      hostDeviceId: 'dev-host',
      hostMemberId: null,
      hostOnline: true,
      state: 'ready',
      memberIds: [MEMBER],
    },
  },
  'account:revoked': { type: 'account:revoked', seq: 10, accountId: 'acc-gone' },
  'member:updated': {
    type: 'member:updated',
    seq: 11,
    member: { id: MEMBER, email: 'ana@example.com', name: 'Ana', role: 'lead', active: true },
  },
  'access:revoked': { type: 'access:revoked', seq: 12, reason: 'session_revoked' },
  'settings:updated': {
    type: 'settings:updated',
    seq: 13,
    settings: { agentsSeeUnassigned: false, agentsMayHandOver: true, adminsRequireMfa: false },
  },
  'aiPolicy:updated': {
    type: 'aiPolicy:updated',
    seq: 14,
    policy: {
      allowed: false,
      baseUrl: 'https://ai.example.com/v1',
      model: null,
      forceRedact: true,
      updatedAt: 1_700_000_000_000,
      updatedBy: '11111111-1111-4111-8111-111111111111',
    },
  },
  'template:updated': {
    type: 'template:updated',
    seq: 14,
    template: { id: 'tpl-1', shortcut: 'thanks', title: 'Thanks', body: 'Thank you, {{contact.name}}!' },
  },
  'template:deleted': { type: 'template:deleted', seq: 15, id: 'tpl-2' },
  'tag:updated': { type: 'tag:updated', seq: 16, tag: { name: 'vip', color: 'red' } },
  'tag:deleted': { type: 'tag:deleted', seq: 17, name: 'old' },
  'notice:added': {
    type: 'notice:added',
    seq: 18,
    notice: {
      id: 'notice-1',
      kind: 'sla_breach',
      accountId: 'acct-1',
      chatId: 'acct-1:62811@c.us',
      chatName: 'Sari',
      text: null,
      createdAt: 1_700_000_000_000,
    },
  },
};

export const ALL_FACTS: readonly SyncEvent[] = Object.values(FACTS);

/** A deep copy with one value replaced (the path may go through arrays); for malformed variants. */
export function withValue(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined) delete at[last];
  else at[last] = replacement;
  return copy;
}
