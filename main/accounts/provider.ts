/**
 * The one interface every WhatsApp back end implements (whatsapp-web.js, the simulator,
 * later the Cloud API). Everything in and out is a domain or ingest shape: no library
 * object ever leaves a provider, so a provider can be swapped without touching the rest.
 */
import { z } from 'zod';
import {
  ackUpdateSchema,
  chatInputSchema,
  contactInputSchema,
  editUpdateSchema,
  mediaInputSchema,
  messageInputSchema,
  pollVoteSchema,
  reactionInputSchema,
  revokeUpdateSchema,
} from '../../common/ingest';
import type {
  AckUpdate,
  ChatInput,
  EditUpdate,
  IngestBatchInput,
  MessageInput,
  PollVoteInput,
  ReactionInput,
  RevokeUpdate,
} from '../../common/ingest';
import type { MediaInfo } from '../../common/domain';
import { ACCOUNT_STATUS_CODES } from '../../common/account-status';

/** What to do after a disconnect; decided by the provider that knows the cause. */
export type DisconnectAction =
  /** Transient (network, browser crash): restart with backoff. */
  | 'reconnect'
  /** The session is gone (logged out on the phone): a new scan is needed. */
  | 'rescan'
  /** Restarting will not help (banned, outdated, opened elsewhere): tell the user. */
  | 'alert';

const statusCode = z.enum(ACCOUNT_STATUS_CODES);

/**
 * The states a provider reports; the supervisor adds starting, degraded and stopped.
 * `code` is what the renderer words; `reason` is the raw detail, for diagnostics.
 */
export const providerStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connecting'), code: statusCode, reason: z.string().max(500).nullable() }),
  z.object({
    state: z.literal('ready'),
    phone: z
      .string()
      .regex(/^\d{5,20}$/)
      .nullable(),
  }),
  z.object({
    state: z.enum(['disconnected', 'logged_out', 'failed']),
    code: statusCode,
    reason: z.string().max(500),
    action: z.enum(['reconnect', 'rescan', 'alert']),
  }),
]);
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

export const providerEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('qr'), qr: z.string().min(1).max(2000) }),
  z.object({ kind: z.literal('pairing_code'), code: z.string().min(4).max(20) }),
  z.object({ kind: z.literal('status'), status: providerStatusSchema }),
  z.object({ kind: z.literal('message'), message: messageInputSchema }),
  z.object({ kind: z.literal('ack'), ack: ackUpdateSchema }),
  z.object({ kind: z.literal('revoke'), revoke: revokeUpdateSchema }),
  z.object({ kind: z.literal('edit'), edit: editUpdateSchema }),
  z.object({ kind: z.literal('reaction'), reaction: reactionInputSchema }),
  /** A voter's current choice in a poll (whatsapp-web.js `vote_update`). */
  z.object({ kind: z.literal('vote'), vote: pollVoteSchema }),
  z.object({ kind: z.literal('chat'), chat: chatInputSchema }),
  z.object({ kind: z.literal('contact'), contact: contactInputSchema }),
  /** The account's browser is running: main remembers its process tree at once. */
  z.object({ kind: z.literal('browser'), pid: z.number().int().positive() }),
]);

/** Provider events as providers emit them (ingest defaults may be left out). */
export type ProviderEvent =
  | { readonly kind: 'qr'; readonly qr: string }
  | { readonly kind: 'pairing_code'; readonly code: string }
  | { readonly kind: 'status'; readonly status: ProviderStatus }
  | { readonly kind: 'message'; readonly message: z.input<typeof messageInputSchema> }
  | { readonly kind: 'ack'; readonly ack: AckUpdate }
  | { readonly kind: 'revoke'; readonly revoke: RevokeUpdate }
  | { readonly kind: 'edit'; readonly edit: EditUpdate }
  | { readonly kind: 'reaction'; readonly reaction: ReactionInput }
  | { readonly kind: 'vote'; readonly vote: PollVoteInput }
  | { readonly kind: 'chat'; readonly chat: ChatInput }
  | { readonly kind: 'contact'; readonly contact: z.input<typeof contactInputSchema> }
  | { readonly kind: 'browser'; readonly pid: number };

const jid = z.string().min(3).max(200);
const providerMessageId = z.string().min(1).max(200);

/** Commands main may ask of a running account, validated again inside the child. */
export const providerRequestSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('sendText'),
    chatJid: jid,
    text: z.string().min(1).max(65_536),
    quotedProviderMessageId: providerMessageId.nullable().default(null),
    clientMessageId: z.string().uuid().nullable().default(null),
  }),
  z.object({
    op: z.literal('sendMedia'),
    chatJid: jid,
    kind: z.enum(['image', 'video', 'audio', 'voice', 'document']),
    /** A file on this machine; bytes never travel over the channel. */
    path: z.string().min(1).max(4096),
    mimeType: z.string().min(1).max(200),
    fileName: z.string().max(500).nullable().default(null),
    caption: z.string().max(65_536).nullable().default(null),
    quotedProviderMessageId: providerMessageId.nullable().default(null),
    clientMessageId: z.string().uuid().nullable().default(null),
  }),
  z.object({ op: z.literal('react'), chatJid: jid, providerMessageId, emoji: z.string().max(32) }),
  z.object({ op: z.literal('markRead'), chatJid: jid }),
  /** Edits our own text message on WhatsApp (the library's Message.edit). */
  z.object({ op: z.literal('editMessage'), chatJid: jid, providerMessageId, text: z.string().min(1).max(65_536) }),
  /** Deletes our own message for everyone (the library's Message.delete(true)). */
  z.object({ op: z.literal('deleteMessage'), chatJid: jid, providerMessageId }),
  /** Chat actions: only the flags given change (unread true = "Mark as unread"). */
  z.object({
    op: z.literal('setChatFlags'),
    chatJid: jid,
    pinned: z.boolean().optional(),
    archived: z.boolean().optional(),
    muted: z.boolean().optional(),
    unread: z.boolean().optional(),
  }),
  /** Blocks or unblocks the person behind a one-to-one chat, on WhatsApp itself. */
  z.object({ op: z.literal('setBlocked'), chatJid: jid, blocked: z.boolean() }),
  z.object({
    op: z.literal('loadOlder'),
    chatJid: jid,
    /** Load messages older than this time (ms); null means from the newest. */
    beforeMs: z.number().int().nullable().default(null),
    limit: z.number().int().min(1).max(500).default(50),
  }),
  z.object({ op: z.literal('downloadMedia'), chatJid: jid, providerMessageId }),
  z.object({ op: z.literal('requestPairingCode'), phone: z.string().regex(/^\d{5,20}$/) }),
]);
export type ProviderRequest = z.output<typeof providerRequestSchema>;
export type ProviderRequestInput = z.input<typeof providerRequestSchema>;

/**
 * A page of older history from the phone, newest first. `hasMore` false: the phone has no
 * older message in this chat. `reachedLimit`: the provider will not page deeper (the phone
 * may still have more).
 */
export type OlderPage = {
  readonly messages: readonly MessageInput[];
  readonly hasMore: boolean;
  readonly reachedLimit: boolean;
};

/**
 * What an edit or a delete came to, as data: `done`, or why WhatsApp refused it (the
 * message is not on the phone, is not ours, or its window has passed).
 */
export const messageActionOutcomeSchema = z.enum(['done', 'not_found', 'not_ours', 'too_late']);
export type MessageActionOutcome = z.infer<typeof messageActionOutcomeSchema>;

/** Result of each request, by op. */
export type ProviderResults = {
  sendText: MessageInput;
  sendMedia: MessageInput;
  react: null;
  editMessage: MessageActionOutcome;
  deleteMessage: MessageActionOutcome;
  markRead: null;
  setChatFlags: null;
  setBlocked: null;
  loadOlder: OlderPage;
  downloadMedia: MediaInfo | null;
  requestPairingCode: string;
};

export const providerResultSchemas = {
  sendText: messageInputSchema,
  sendMedia: messageInputSchema,
  react: z.null(),
  editMessage: messageActionOutcomeSchema,
  deleteMessage: messageActionOutcomeSchema,
  markRead: z.null(),
  setChatFlags: z.null(),
  setBlocked: z.null(),
  loadOlder: z.object({
    messages: z.array(messageInputSchema).max(500),
    hasMore: z.boolean(),
    reachedLimit: z.boolean().default(false),
  }),
  downloadMedia: mediaInputSchema.nullable(),
  requestPairingCode: z.string().min(4).max(20),
} as const;

export type ProviderListener = (event: ProviderEvent) => void;

export type WhatsAppProvider = {
  /** Begins login; progress arrives as qr / pairing_code / status events. */
  start(): Promise<void>;
  /** Closes the session (and its browser) but keeps it, so the next start needs no scan. */
  stop(): Promise<void>;
  /** Unlinks the device and deletes the saved session. */
  logout(): Promise<void>;
  request<R extends ProviderRequest>(req: R): Promise<ProviderResults[R['op']]>;
  /**
   * Chats whose last activity is newer than their watermark, with the messages since
   * then (inclusive, so nothing at the watermark's millisecond is lost). `message`
   * events fire only for new messages, so this is how downtime is caught up.
   */
  catchUp(
    watermarks: ReadonlyMap<string, number>,
    emit: (batch: IngestBatchInput) => Promise<void>,
  ): Promise<CatchUpReport>;
  /** A cheap liveness check: resolves when the session still answers. */
  probe(): Promise<void>;
  onEvent(listener: ProviderListener): () => void;
};

export type CatchUpReport = { readonly chats: number; readonly messages: number };
