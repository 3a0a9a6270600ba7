/**
 * The product's nouns, shared by every process. Pure types and tiny pure helpers only.
 * Ids are branded strings so an AccountId can never be passed where a ChatId is expected.
 */
import type { AccountStatusCode } from './account-status';
import type { PreviewKind } from './preview';
import { groupNoticeEnglish, parseGroupNotice, previewParts } from './preview';

declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type AccountId = Brand<string, 'AccountId'>;
/** Local chat key: `${accountId}:${jid}`; stable across devices of a workspace. */
export type ChatId = Brand<string, 'ChatId'>;
/** Local message key: `${accountId}:${providerMessageId}`. */
export type MessageId = Brand<string, 'MessageId'>;
export type ContactId = Brand<string, 'ContactId'>;
export type MemberId = Brand<string, 'MemberId'>;
export type ClientMessageId = Brand<string, 'ClientMessageId'>;

export const asAccountId = (s: string): AccountId => s as AccountId;
export const asChatId = (s: string): ChatId => s as ChatId;
export const asMessageId = (s: string): MessageId => s as MessageId;
export const asMemberId = (s: string): MemberId => s as MemberId;
export const asClientMessageId = (s: string): ClientMessageId => s as ClientMessageId;

export const chatIdOf = (accountId: AccountId, jid: string): ChatId => `${accountId}:${jid}` as ChatId;
export const messageIdOf = (accountId: AccountId, providerMessageId: string): MessageId =>
  `${accountId}:${providerMessageId}` as MessageId;

// ── Accounts ────────────────────────────────────────────────────────────────────────────

/** 'meta': a Cloud API number, hosted by the workspace server; never run on a desktop. */
export type ProviderKind = 'webjs' | 'simulator' | 'meta';
/** The providers a desktop runs itself. */
export type DesktopProviderKind = Exclude<ProviderKind, 'meta'>;

/**
 * Lifecycle of one WhatsApp account. `degraded` means running but unhealthy (no `ready`
 * within the deadline, or health probe failing); the supervisor restarts it.
 */
export type AccountState =
  | 'stopped'
  | 'starting'
  | 'qr'
  | 'pairing_code'
  | 'connecting'
  | 'ready'
  | 'degraded'
  | 'disconnected'
  | 'logged_out'
  | 'failed';

export type Account = {
  readonly id: AccountId;
  readonly provider: ProviderKind;
  readonly name: string;
  /** E.164 digits without '+', known once the account is paired. */
  readonly phone: string | null;
  /** CSS colour, used on every row and on the composer's "sending as" strip. */
  readonly color: string;
  readonly state: AccountState;
  /** Why the account is in its state, as a code the renderer words (common/account-status.ts). */
  readonly stateCode: AccountStatusCode | null;
  /** The raw detail behind the code (a library's or browser's own text): diagnostics only. */
  readonly stateReason: string | null;
  /** When the next automatic try starts (epoch ms) while one is scheduled, else null. */
  readonly retryAt: number | null;
  /** Set when retrying stopped, to ask the user: how many tries failed in a row. */
  readonly stoppedAfterTries: number | null;
  /** whatsapp-web.js numbers: the browser chosen for this number; null: the one detected. */
  readonly browserPath?: string | null;
  readonly qr: string | null;
  readonly pairingCode: string | null;
  readonly muted: boolean;
  readonly unreadCount: number;
  /** Resident memory of the account's process tree, bytes; null until sampled. */
  readonly rssBytes: number | null;
  readonly createdAt: number;
  /** A simulated number's pace: how often its simulated customers write (SIMULATOR_PACE_MS). */
  readonly simulatorPace?: SimulatorPace;
  /**
   * Numbers this desktop hosts: whether reading their chats sends customers read receipts
   * (on by default; docs/accounts.md "Read receipts").
   */
  readonly readReceipts?: boolean;
  /** Set for a number that runs on a teammate's desktop and reaches this one through the workspace. */
  readonly remote?: { readonly hostOnline: boolean; readonly hostedBy: 'teammate' | 'server' };
};

/**
 * How often a simulated number's customers write: lively for a demo, calm for training
 * (time to read and answer each one), paused to practise on what is there.
 */
export const SIMULATOR_PACES = ['lively', 'calm', 'paused'] as const;
export type SimulatorPace = (typeof SIMULATOR_PACES)[number];
/** Milliseconds between simulated customers' new messages; 0: none. */
export const SIMULATOR_PACE_MS: Readonly<Record<SimulatorPace, number>> = { lively: 20_000, calm: 120_000, paused: 0 };

// ── Chats, contacts, messages ───────────────────────────────────────────────────────────

export type ChatStatus = 'open' | 'pending' | 'resolved';

export type Contact = {
  readonly id: ContactId;
  readonly accountId: AccountId;
  /** Phone-number jid (`628123@c.us`) when known. */
  readonly jid: string | null;
  /** WhatsApp's privacy id (`1234@lid`) when known; merged with the phone jid once learned. */
  readonly lid: string | null;
  readonly phone: string | null;
  readonly name: string | null;
  readonly pushName: string | null;
};

export type Chat = {
  readonly id: ChatId;
  readonly accountId: AccountId;
  readonly jid: string;
  readonly isGroup: boolean;
  readonly name: string;
  /** The last message's text (body or caption), without any label; see lastMessageKind. */
  readonly lastMessagePreview: string | null;
  /** What the last message is when it is more than text (a photo, a deleted message…): the screen words it. */
  readonly lastMessageKind: PreviewKind | null;
  readonly lastMessageAt: number | null;
  readonly lastMessageFromMe: boolean;
  /** The people the last message @mentions (see Message.mentions): the preview shows their names. */
  readonly lastMessageMentions?: readonly Mention[];
  readonly unreadCount: number;
  readonly pinned: boolean;
  readonly archived: boolean;
  readonly muted: boolean;
  // workspace fields (null/defaults when not signed in to a workspace)
  readonly status: ChatStatus;
  readonly assigneeId: MemberId | null;
  readonly tags: readonly string[];
  readonly version: number;
  /** When the first reply is due (the number's first-response target); null or absent: nothing due. */
  readonly slaDueAt?: number | null;
  /** The person is blocked on WhatsApp from this number (chats:setBlocked); absent: not blocked. */
  readonly blocked?: boolean;
};

export type MessageType =
  | 'text'
  | 'image'
  | 'video'
  | 'audio'
  | 'voice'
  | 'document'
  | 'sticker'
  | 'location'
  | 'contact_card'
  | 'reaction'
  | 'poll'
  | 'system'
  | 'ciphertext'
  | 'unknown';

/** WhatsApp's delivery ticks. `failed` is ours: the send was refused or timed out. */
export type Ack = 'failed' | 'pending' | 'sent' | 'delivered' | 'read' | 'played';

export type MediaInfo = {
  readonly mimeType: string;
  readonly fileName: string | null;
  readonly size: number | null;
  /** sha-256 of the bytes once downloaded; files are stored content-addressed. */
  readonly sha256: string | null;
  readonly localPath: string | null;
  readonly width: number | null;
  readonly height: number | null;
  readonly durationS: number | null;
  /** Small base64 JPEG preview WhatsApp sends inline. */
  readonly thumbnail: string | null;
};

export type Location = { readonly lat: number; readonly lng: number; readonly name: string | null };

export type Message = {
  readonly id: MessageId;
  readonly accountId: AccountId;
  readonly chatId: ChatId;
  readonly providerMessageId: string;
  readonly fromMe: boolean;
  /** Sender jid in groups; null in 1:1 chats. */
  readonly author: string | null;
  readonly authorName: string | null;
  readonly type: MessageType;
  readonly body: string | null;
  readonly caption: string | null;
  readonly media: MediaInfo | null;
  readonly location: Location | null;
  /** vCard text for contact cards. */
  readonly vcard: string | null;
  readonly quotedProviderMessageId: string | null;
  readonly timestamp: number;
  readonly ack: Ack;
  readonly edited: boolean;
  readonly revoked: boolean;
  readonly reactions: readonly Reaction[];
  /** Set for messages composed here, until the provider confirms them. */
  readonly clientMessageId: ClientMessageId | null;
  /** A poll's question, options and each voter's current choice (type 'poll'). */
  readonly poll?: Poll;
  /** Sent by automation (an away message, a greeting, a rule's reply), not by a person. */
  readonly automated?: boolean;
  /** The people @mentioned in the body, with what the contact store knows of them. */
  readonly mentions?: readonly Mention[];
};

/**
 * A person @mentioned in a message: the body holds `@` + the user part of `jid`. `name` and
 * `phone` come from this number's contacts when it knows them (a lid's phone once it is paired).
 */
export type Mention = { readonly jid: string; readonly name: string | null; readonly phone: string | null };

export type Poll = {
  readonly question: string;
  readonly options: readonly string[];
  readonly multiple: boolean;
  /** Voter jid → the options they chose now (the latest vote update wins). */
  readonly votes: Readonly<Record<string, readonly string[]>>;
};

export type Reaction = { readonly senderJid: string; readonly emoji: string; readonly timestamp: number };

// ── Outbox ──────────────────────────────────────────────────────────────────────────────

export type OutboxState = 'queued' | 'sending' | 'sent' | 'failed';

// ── Workspace ───────────────────────────────────────────────────────────────────────────

export type Role = 'admin' | 'lead' | 'agent';

export type Member = {
  readonly id: MemberId;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
};

export type Note = {
  readonly id: string;
  readonly chatId: ChatId;
  readonly authorId: MemberId | null;
  readonly authorName: string;
  readonly body: string;
  readonly createdAt: number;
  /** 'handover' when written by a transfer: it may carry the previous owner's draft and the AI summary. */
  readonly kind?: 'note' | 'handover';
  readonly draft?: string | null;
  readonly summary?: string | null;
};

export type Template = {
  readonly id: string;
  /** Typed after '/' in the composer, e.g. 'thanks'. */
  readonly shortcut: string;
  readonly title: string;
  /** May contain {{contact.name}}, {{agent.name}}, {{account.name}}. */
  readonly body: string;
};

const ENGLISH_LABELS: Readonly<Record<PreviewKind, string>> = {
  image: '📷 Photo',
  video: '🎥 Video',
  audio: '🎵 Audio',
  voice: '🎤 Voice message',
  document: '📄 Document',
  sticker: 'Sticker',
  location: '📍 Location',
  contact_card: '👤 Contact',
  poll: '📊 Poll',
  ciphertext: 'Waiting for this message…',
  system: '',
  revoked: 'This message was deleted',
};

/**
 * A one-line preview in English, for text that has no reader's language: AI prompts and
 * transcripts. Screens word the same parts (previewParts) in the user's language.
 */
export function previewOf(m: Pick<Message, 'type' | 'body' | 'caption' | 'revoked'>): string {
  const { kind, text } = previewParts(m);
  if (kind === null) return text;
  if (kind === 'system') {
    const notice = parseGroupNotice(m.body);
    return notice ? groupNoticeEnglish(notice) : text;
  }
  const label = ENGLISH_LABELS[kind];
  return (text ? `${label}: ${text}` : label).slice(0, 200);
}
