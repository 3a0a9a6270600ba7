/**
 * The matrix of visibility.test.ts: every way a member loses a chat, every fact that names
 * a chat, and how to tell which chat a fact names.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../common/domain';
import type { SyncEvent, SyncEventType } from '../../../common/protocol';
import type { Client } from './harness';
import { NOW, must } from './harness';

/** Everything one case works with: the chat, who acts, and the member losing it (the viewer). */
export type Scene = {
  readonly accountId: string;
  readonly chatId: string;
  readonly jid: string;
  readonly host: Client;
  readonly admin: Client;
  readonly viewer: { readonly id: string; readonly sessionId: string };
  /** A lead of the account, on the same node as the viewer: the positive control. */
  readonly lead: { readonly id: string };
  /** Another agent of the account, who may take the chat over. */
  readonly other: { readonly id: string };
};

export type Loss = {
  readonly name: string;
  readonly role: Role;
  /** The viewer belongs to the chat's account (an admin needs not). */
  readonly member: boolean;
  /** Who has the chat while the viewer still sees it. */
  readonly assignee: 'viewer' | 'other' | null;
  /** The device is gone afterwards: it is refused rather than filtered. */
  readonly ended: boolean;
  /** The server drops the viewer's sockets (a role change); the desktop connects again. */
  readonly drops?: boolean;
  lose(s: Scene): Promise<void>;
  /** Puts back what the whole workspace shares (settings), after the case. */
  restore?(s: Scene): Promise<void>;
};

const version = async (s: Scene) => (await must(s.admin, 'chat:get', { chatId: s.chatId })).chat.version;
const demote = (role: Role) => async (s: Scene) => {
  await must(s.admin, 'member:update', { memberId: s.viewer.id, role });
};
const seeUnassigned = (on: boolean) => async (s: Scene) => {
  await must(s.admin, 'settings:update', { agentsSeeUnassigned: on });
};

export const LOSSES: readonly Loss[] = [
  {
    name: 'an agent whose chat is transferred to another agent',
    role: 'agent',
    member: true,
    assignee: 'viewer',
    ended: false,
    lose: async s => {
      await must(s.admin, 'chat:assign', { chatId: s.chatId, assigneeId: s.other.id, version: await version(s) });
    },
  },
  {
    name: 'an agent whose chat is unassigned while agents do not see unassigned chats',
    role: 'agent',
    member: true,
    assignee: 'viewer',
    ended: false,
    lose: async s => {
      await seeUnassigned(false)(s);
      await must(s.admin, 'chat:assign', { chatId: s.chatId, assigneeId: null, version: await version(s) });
    },
    restore: seeUnassigned(true),
  },
  {
    name: 'an agent who sees unassigned chats until the workspace turns that off',
    role: 'agent',
    member: true,
    assignee: null,
    ended: false,
    lose: seeUnassigned(false),
    restore: seeUnassigned(true),
  },
  {
    name: 'the assignee removed from the number',
    role: 'agent',
    member: true,
    assignee: 'viewer',
    ended: false,
    lose: async s => {
      await must(s.admin, 'account:remove-member', { accountId: s.accountId, memberId: s.viewer.id });
    },
  },
  {
    name: 'a lead removed from the number',
    role: 'lead',
    member: true,
    assignee: 'other',
    ended: false,
    lose: async s => {
      await must(s.admin, 'account:remove-member', { accountId: s.accountId, memberId: s.viewer.id });
    },
  },
  {
    name: 'a lead demoted to agent',
    role: 'lead',
    member: true,
    assignee: 'other',
    ended: false,
    drops: true,
    lose: demote('agent'),
  },
  {
    name: 'an admin demoted to agent',
    role: 'admin',
    member: true,
    assignee: 'other',
    ended: false,
    drops: true,
    lose: demote('agent'),
  },
  {
    name: 'an assigned admin outside the number demoted to lead',
    role: 'admin',
    member: false,
    assignee: 'viewer',
    ended: false,
    drops: true,
    lose: demote('lead'),
  },
  {
    name: 'an assigned admin outside the number demoted to agent',
    role: 'admin',
    member: false,
    assignee: 'viewer',
    ended: false,
    drops: true,
    lose: demote('agent'),
  },
  {
    name: 'the assignee deactivated',
    role: 'agent',
    member: true,
    assignee: 'viewer',
    ended: true,
    lose: async s => {
      await must(s.admin, 'member:update', { memberId: s.viewer.id, active: false });
    },
  },
  {
    name: "the assignee's device signed out",
    role: 'agent',
    member: true,
    assignee: 'viewer',
    ended: true,
    lose: async s => {
      await must(s.admin, 'session:revoke', { sessionId: s.viewer.sessionId });
    },
  },
];

/** Facts naming the chat, written by the host and an admin after the loss. */
export type FactMaker = {
  readonly kind: string;
  /** At least this many facts of each type the control lead must receive live. */
  readonly live: Partial<Record<SyncEventType | 'typing:changed', number>>;
  /** Live only and volatile (Socket.IO may drop it under load): written again until heard. */
  readonly volatile?: boolean;
  make(s: Scene, attempt: number): Promise<void>;
};

async function push(s: Scene, batch: Record<string, unknown>): Promise<void> {
  await must(s.host, 'sync:push', batch);
}
const ref = (s: Scene) => ({ accountId: s.accountId, providerMessageId: 'after-loss' });

export const FACTS: readonly FactMaker[] = [
  {
    kind: 'chat upserted by its host',
    live: { 'chat:upserted': 1 },
    make: s => push(s, { chats: [{ accountId: s.accountId, jid: s.jid, isGroup: false, name: 'Renamed customer' }] }),
  },
  {
    kind: 'new message, ack, edit, revoke and reaction',
    live: { 'messages:upserted': 5 },
    make: async s => {
      const message = { ...ref(s), chatJid: s.jid, fromMe: false, type: 'text', body: 'secret', timestamp: NOW() };
      await push(s, { messages: [message] });
      await push(s, { acks: [{ ...ref(s), ack: 'read' }] });
      await push(s, { edits: [{ ...ref(s), body: 'edited secret', editedAt: NOW() + 1 }] });
      await push(s, { reactions: [{ ...ref(s), senderJid: s.jid, emoji: '👍', timestamp: NOW() + 2 }] });
      await push(s, { revokes: [{ ...ref(s), revokedAt: NOW() + 3 }] });
    },
  },
  {
    kind: 'status change',
    live: { 'chat:updated': 1 },
    make: async s => {
      await must(s.admin, 'chat:set-status', { chatId: s.chatId, status: 'pending', version: await version(s) });
    },
  },
  {
    kind: 'internal note',
    live: { 'note:added': 1 },
    make: async s => {
      await must(s.admin, 'note:add', { chatId: s.chatId, body: 'internal', clientNoteId: randomUUID() });
    },
  },
  {
    kind: 'outgoing send',
    live: { 'send:updated': 1 },
    make: async s => {
      await must(s.admin, 'message:send', { clientMessageId: randomUUID(), chatId: s.chatId, body: 'reply' });
    },
  },
  {
    kind: 'typing',
    live: { 'typing:changed': 1 },
    volatile: true,
    // Alternating: the server relays a repeat of the same state only after a while.
    make: async (s, attempt) => {
      await must(s.admin, 'typing:set', { chatId: s.chatId, active: attempt % 2 === 0 });
    },
  },
  {
    kind: 'transfer to the lead with a handover note',
    live: { 'chat:updated': 1, 'note:added': 1 },
    make: async s => {
      const handover = { note: 'over to you', draft: null, summary: 'customer details' };
      await must(s.admin, 'chat:assign', {
        chatId: s.chatId,
        assigneeId: s.lead.id,
        version: await version(s),
        handover,
      });
    },
  },
];

type Names = { [K in SyncEventType]: (e: Extract<SyncEvent, { type: K }>) => string | null };
/**
 * The chat each kind of logged fact names. A mapped type over every SyncEvent kind: a new
 * kind does not compile until it says whether (and which) chat it names.
 */
const NAMES: Names = {
  'chat:upserted': e => e.chat.id,
  'chat:updated': e => e.chat.id,
  'chat:granted': e => e.chat.id,
  // Losing the chat is the one fact about it the member must get.
  'chat:revoked': () => null,
  'messages:upserted': e => e.chatId,
  'contacts:upserted': () => null,
  'note:added': e => e.note.chatId,
  'send:updated': e => e.send.chatId,
  'account:updated': () => null,
  'account:revoked': () => null,
  'member:updated': () => null,
  'access:revoked': () => null,
  'settings:updated': () => null,
  'aiPolicy:updated': () => null,
  'template:updated': () => null,
  'template:deleted': () => null,
  'tag:updated': () => null,
  'tag:deleted': () => null,
  'notice:added': e => e.notice.chatId,
};

/** The chat a received fact (logged or live-only) names, if any. */
export function chatNamed(type: string, payload: unknown): string | null {
  if (type === 'typing:changed') return (payload as { chatId: string }).chatId;
  const name = (NAMES as Record<string, ((e: unknown) => string | null) | undefined>)[type];
  return name ? name(payload) : null;
}
