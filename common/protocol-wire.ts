/**
 * The shapes the workspace server sends (replies and facts): plain data, validated on the
 * desktop by common/wire-schemas.ts. Re-exported by protocol.ts, where the commands are.
 */
import type { ChatStatus, Role } from './domain';

export type WireMember = { id: string; email: string; name: string; role: Role; active: boolean };
export type WireAccount = {
  id: string;
  name: string;
  phone: string | null;
  provider: string;
  hostDeviceId: string | null;
  hostMemberId: string | null;
  hostOnline: boolean;
  state: string;
  memberIds: string[];
  /** Whether reading a chat sends the customer a read receipt (account:set-read-receipts); older servers leave it out. */
  readReceipts?: boolean;
};
export type WireChat = {
  id: string;
  accountId: string;
  jid: string;
  isGroup: boolean;
  name: string;
  lastMessageAt: number | null;
  unreadCount: number;
  status: ChatStatus;
  assigneeId: string | null;
  tags: string[];
  version: number;
  /** When the first reply is due (first-response SLA); null or absent: nothing due. Older servers leave it out. */
  slaDueAt?: number | null;
  /** Pinned / archived for the whole team (chat:set-flags); older servers leave them out. */
  pinned?: boolean;
  archived?: boolean;
  /** The team read the chat up to this time (chat:read); absent: never, or an older server. */
  readAt?: number;
};
export type WireMessage = {
  rowId: number;
  accountId: string;
  chatId: string;
  providerMessageId: string;
  fromMe: boolean;
  author: string | null;
  authorName: string | null;
  type: string;
  body: string | null;
  caption: string | null;
  media: unknown;
  location: unknown;
  quotedProviderMessageId: string | null;
  timestamp: number;
  ack: string;
  edited: boolean;
  revoked: boolean;
  clientMessageId: string | null;
  /**
   * One per sender, removals included (emoji ''): a device that shows an older reaction
   * learns it is gone. Servers before reactions leave the field out.
   */
  reactions?: WireReaction[];
  /**
   * A poll's question, options and each voter's current choice (type 'poll'; options [] =
   * vote taken back). Absent for other messages, and from servers before shared polls.
   */
  poll?: WirePoll;
  /**
   * The WhatsApp ids the body @mentions (at most 100), for the device to show names in their
   * place. Absent when it mentions no one, and from servers before shared mentions.
   */
  mentions?: string[];
};
export type WireReaction = { senderJid: string; emoji: string; timestamp: number };
export type WirePollVote = { voterJid: string; options: string[]; timestamp: number };
export type WirePoll = { question: string; options: string[]; multiple: boolean; votes: WirePollVote[] };
export type WireContact = {
  accountId: string;
  jid: string | null;
  lid: string | null;
  phone: string | null;
  name: string | null;
  pushName: string | null;
  /** The team's name for the person (contact:update); absent in a host's push, which never changes it. */
  customName?: string | null;
  /** The team's labels on the person; absent in a host's push. */
  labels?: string[];
  /** The team's note about the person (not about one chat); absent in a host's push. */
  note?: string | null;
};
export type NoteKind = 'note' | 'handover';
export type WireNote = {
  id: string;
  chatId: string;
  authorId: string;
  body: string;
  createdAt: number;
  /** 'handover': written by chat:assign with a handover; carries the previous owner's draft and summary. */
  kind: NoteKind;
  draft: string | null;
  summary: string | null;
  /** The id the author's device sent with note:add; null for handover notes and notes added without one. */
  clientNoteId?: string | null;
};
/** Someone is replying in a chat; `expiresAt` (ms) bounds how long to show it without a refresh. */
export type WireTyping = { chatId: string; memberId: string; memberName: string; active: boolean; expiresAt: number };
export type SendState = 'queued' | 'forwarded' | 'sent' | 'failed';
/** A file uploaded to the server's blob store (PUT /api/uploads/<sha256>) and sent with a message. */
export type WireAttachment = {
  sha256: string;
  mimeType: string;
  fileName: string | null;
  size: number;
  /** Sent as a voice note (push-to-talk). */
  voice?: boolean;
};
export type WireSend = {
  clientMessageId: string;
  accountId: string;
  chatId: string;
  chatJid: string;
  senderId: string;
  body: string;
  quotedProviderMessageId: string | null;
  state: SendState;
  providerMessageId: string | null;
  error: string | null;
  createdAt: number;
  /** The file sent with the body as its caption; absent or null for text. Older servers leave it out. */
  attachment?: WireAttachment | null;
};
/**
 * agentsSeeUnassigned: agents see the chats nobody is assigned; agentsMayHandOver: agents may
 * release their own chats and transfer them to a colleague of the number (docs/server.md);
 * adminsRequireMfa: an admin without two-step sign-in may only enrol it (docs/protocol.md,
 * "Two-step sign-in").
 */
export type WireSettings = { agentsSeeUnassigned: boolean; agentsMayHandOver: boolean; adminsRequireMfa: boolean };
export type WireAudit = {
  id: number;
  memberId: string | null;
  deviceId: string | null;
  action: string;
  chatId: string | null;
  before: unknown;
  after: unknown;
  at: number;
};
export type WirePresence = { memberId: string; deviceId: string; status: 'online' | 'away' | 'offline' };

/** Why a chat left a member's view; 'role_changed': their new role may not see it (a lead or admin became an agent). */
export type ChatRevokeReason = 'unassigned' | 'account_removed' | 'deactivated' | 'role_changed';
