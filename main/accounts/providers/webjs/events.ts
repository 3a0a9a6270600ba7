/**
 * The library's events mapped to ours, for one Client: the link's progress (QR, pairing
 * code, loading, ready, lost), messages and what changes them (acks, edits, revokes,
 * reactions, poll votes), chat and contact updates, and group notices. Apart from the
 * provider's lifecycle and requests (provider.ts, requests.ts): this is the one place that
 * knows the library's event names and argument shapes, and each handler is guarded, so a
 * library object of an unexpected shape costs one event, not the account.
 */
import type { MessageInput } from '../../../../common/ingest';
import { groupNoticeCode } from '../../../../common/preview';
import type { ProviderEvent } from '../../provider';
import type { WebjsChat, WebjsClient, WebjsId, WebjsMessage } from './client';
import type { LidPairing } from './lid-pairs';
import { ackOf, chatInputOf, disconnectStatusOf, toMs } from './map';

/** What the provider and the event handlers share about the link: who we are, and whether it is up. */
export type LinkState = { me: string | null; everReady: boolean; ready: boolean };

export type EventContext = {
  readonly accountId: string;
  /** Written by the handlers: `ready` and a lost link, our own id. */
  readonly link: LinkState;
  readonly emit: (event: ProviderEvent) => void;
  /** Emits a message once per (id, type, edited, revoked); null is nothing. */
  readonly emitMessage: (m: MessageInput | null) => void;
  /** The library's message as ours (learning its mentions and lids on the way); null when it is not one we keep. */
  readonly map: (m: WebjsMessage) => MessageInput | null;
  readonly lids: Pick<LidPairing, 'learn'>;
  /** Watches the Client's browser, from the first event that shows it runs. */
  readonly hookBrowser: (c: WebjsClient) => void;
  /** Looks up our own lid once the link is ready. */
  readonly learnMyLid: (c: WebjsClient) => Promise<void>;
  readonly log: (level: 'info' | 'warn' | 'error', msg: string) => void;
};

const CIPHERTEXT_FAILED_TEXT = 'This message could not be decrypted. Open WhatsApp on the phone to see it.';

/** The library's PollVote (its spelling of interractedAtTs included). */
type WebjsPollVote = {
  voter?: string;
  selectedOptions?: Array<{ name?: string; localId?: number }>;
  interractedAtTs?: number;
  parentMessage?: { id?: WebjsId } | null;
  parentMsgKey?: WebjsId | null;
};

type Notification = {
  id: WebjsId;
  type: string;
  timestamp: number;
  chatId: string;
  author?: string;
  recipientIds?: string[];
};

type Listener = (...args: never[]) => void;
type On = (event: string, fn: Listener) => void;

/** Registers our handler for each library event this provider maps, on a new Client. */
export function attachEvents(c: WebjsClient, ctx: EventContext): void {
  const guard =
    (name: string, fn: Listener) =>
    (...args: unknown[]): void => {
      // A library object of an unexpected shape must cost one event, not the account.
      // The handlers declare the library's documented argument shapes.
      try {
        fn(...(args as never[]));
      } catch (err) {
        ctx.log('warn', `could not map ${name}: ${String(err)}`);
      }
    };
  const on: On = (event, fn) => c.on(event, guard(event, fn));
  linkEvents(c, on, ctx);
  messageEvents(on, ctx);
  chatEvents(on, ctx);
}

/** The link's progress: QR or pairing code, loading, ready, lost. */
function linkEvents(c: WebjsClient, on: On, ctx: EventContext): void {
  const { link, emit, hookBrowser } = ctx;
  // The browser runs from the first QR or pairing code on: watch it from then, so a crash
  // or a hang while linking is noticed and the process can be killed.
  on('qr', (qr: string) => {
    hookBrowser(c);
    emit({ kind: 'qr', qr });
  });
  on('code', (code: string) => {
    hookBrowser(c);
    emit({ kind: 'pairing_code', code });
  });
  on('loading_screen', (percent: number) => {
    hookBrowser(c);
    emit({ kind: 'status', status: { state: 'connecting', code: 'loading_chats', reason: `${percent}%` } });
  });
  on('authenticated', () => {
    hookBrowser(c);
    emit({ kind: 'status', status: { state: 'connecting', code: 'linked_loading', reason: null } });
  });
  on('auth_failure', (msg: string) =>
    emit({
      kind: 'status',
      status: {
        state: 'logged_out',
        action: 'rescan',
        code: 'session_restore_failed',
        reason: `auth_failure: ${String(msg).slice(0, 200)}`,
      },
    }),
  );
  on('ready', () => {
    hookBrowser(c);
    link.me = c.info?.wid?._serialized ?? null;
    void ctx.learnMyLid(c);
    link.everReady = true;
    link.ready = true;
    const phone = c.info?.wid?.user ?? null;
    emit({ kind: 'status', status: { state: 'ready', phone: phone && /^\d{5,20}$/.test(phone) ? phone : null } });
  });
  on('change_state', (state: string) => {
    if (state === 'CONNECTED' && link.everReady && !link.ready) {
      // Back from TIMEOUT/OPENING: report ready again so main runs a catch-up.
      link.ready = true;
      emit({ kind: 'status', status: { state: 'ready', phone: c.info?.wid?.user ?? null } });
    } else if (state === 'TIMEOUT' || state === 'OPENING' || state === 'PAIRING') {
      link.ready = false;
      const code = state === 'TIMEOUT' ? 'phone_unreachable' : 'reconnecting';
      emit({ kind: 'status', status: { state: 'connecting', code, reason: state } });
    }
    // Other states are followed by `disconnected`, which carries the action.
  });
  on('disconnected', (reason: string) => {
    link.ready = false;
    emit({ kind: 'status', status: disconnectStatusOf(String(reason)) });
  });
}

/** Messages, and what changes them: acks, revokes, edits, reactions, poll votes. */
function messageEvents(on: On, ctx: EventContext): void {
  const { accountId, emit, emitMessage, map } = ctx;
  // message_create covers received and own messages; `message` would repeat the received.
  on('message_create', (m: WebjsMessage) => emitMessage(map(m)));
  on('message', (m: WebjsMessage) => emitMessage(map(m)));
  on('message_ciphertext', (m: WebjsMessage) => {
    const input = map(m);
    if (input) emitMessage({ ...input, type: 'ciphertext', body: null, caption: null, media: null });
  });
  on('message_ciphertext_failed', (m: WebjsMessage) => {
    const input = map(m);
    if (input) emitMessage({ ...input, type: 'unknown', body: CIPHERTEXT_FAILED_TEXT, caption: null, media: null });
  });
  on('message_ack', (m: WebjsMessage, ack: number) =>
    emit({ kind: 'ack', ack: { accountId, providerMessageId: m.id._serialized, ack: ackOf(ack) } }),
  );
  const revoke = (m: WebjsMessage, before?: WebjsMessage | null) =>
    emit({
      kind: 'revoke',
      revoke: {
        accountId,
        providerMessageId: before?.id?._serialized ?? m.id._serialized,
        revokedAt: Date.now(),
      },
    });
  on('message_revoke_everyone', revoke);
  // "Delete for me" on the phone hides the message on that phone only: the customer and
  // the team still have it, so it is not a deletion here (the library's message_revoke_me).
  on('message_revoke_me', (m: WebjsMessage) =>
    ctx.log('info', `message ${m.id._serialized} deleted for me on the phone; kept for the team`),
  );
  on('message_edit', (m: WebjsMessage, newBody: string) => {
    // The library fires message_edit on every body or caption change, also when an
    // encrypted placeholder becomes readable: only its edit fields say a person edited.
    if (!m.latestEditMsgKey && !m.latestEditSenderTimestampMs) {
      emitMessage(map(m));
      return;
    }
    emit({
      kind: 'edit',
      edit: {
        accountId,
        providerMessageId: m.id._serialized,
        body: String(newBody),
        editedAt: toMs(m.latestEditSenderTimestampMs) ?? Date.now(),
      },
    });
  });
  on('message_reaction', (r: { msgId: WebjsId; senderId: string; reaction: string | null; timestamp: number }) =>
    emit({
      kind: 'reaction',
      reaction: {
        accountId,
        providerMessageId: r.msgId._serialized,
        senderJid: r.senderId,
        emoji: r.reaction ?? '',
        timestamp: toMs(r.timestamp) ?? Date.now(),
      },
    }),
  );
  // A voter's current choice; an empty list is a vote taken back (the library's PollVote).
  on('vote_update', (v: WebjsPollVote) => {
    const pollId = v.parentMessage?.id?._serialized ?? v.parentMsgKey?._serialized;
    if (!pollId || typeof v.voter !== 'string') return;
    emit({
      kind: 'vote',
      vote: {
        accountId,
        providerMessageId: pollId,
        voterJid: v.voter,
        options: (v.selectedOptions ?? []).flatMap(x => (typeof x.name === 'string' ? [x.name.slice(0, 500)] : [])),
        timestamp: toMs(v.interractedAtTs) ?? Date.now(),
      },
    });
  });
}

/** A chat's or a contact's changes, and the group notices shown in the chat. */
function chatEvents(on: On, ctx: EventContext): void {
  const { accountId, emit, emitMessage } = ctx;
  const chatUpdate = (chat: WebjsChat | undefined) => {
    if (!chat) return;
    emit({ kind: 'chat', chat: chatInputOf(accountId, chat) });
    ctx.lids.learn([chat.id._serialized]);
  };
  on('unread_count', chatUpdate);
  on('chat_archived', chatUpdate);
  on('contact_changed', (_m: WebjsMessage, _oldId: string, newId: string) => {
    const jid = String(newId);
    emit({
      kind: 'contact',
      contact: jid.endsWith('@lid') ? { accountId, lid: jid } : { accountId, jid },
    });
    ctx.lids.learn([jid]);
  });
  const notice = (n: Notification) =>
    emitMessage({
      accountId,
      chatJid: n.chatId,
      providerMessageId: n.id._serialized,
      fromMe: false,
      author: null,
      authorName: null,
      type: 'system',
      // A code, worded by the renderer in the reader's language (common/preview.ts).
      body: groupNoticeCode(n.type, n.author ?? null, n.recipientIds ?? []),
      caption: null,
      media: null,
      location: null,
      vcard: null,
      quotedProviderMessageId: null,
      timestamp: toMs(n.timestamp) ?? Date.now(),
      ack: 'delivered',
      edited: false,
      revoked: false,
      clientMessageId: null,
    });
  for (const e of ['group_join', 'group_leave', 'group_admin_changed', 'group_update']) on(e, notice);
}
