/**
 * A fake of whatsapp-web.js's Client: an EventEmitter whose events carry the library's
 * real objects. Message, Chat, Reaction and GroupNotification are the library's own
 * classes, built from raw WhatsApp Web model data exactly as Client.js builds them, so the
 * provider sees the same getters and quirks (seconds, `_data`, body = caption for media).
 */
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type {
  ClientFactory,
  WebjsChat,
  WebjsClient,
  WebjsClientOptions,
  WebjsContact,
  WebjsMessage,
} from '../../../main/accounts/providers/webjs/client';

const require = createRequire(import.meta.url);
type Ctor<T> = new (client: unknown, data: object) => T;
const LibMessage = require('whatsapp-web.js/src/structures/Message.js') as Ctor<WebjsMessage>;
const LibChat = require('whatsapp-web.js/src/structures/Chat.js') as Ctor<
  WebjsChat & { fetchMessages: WebjsChat['fetchMessages'] }
>;
const LibReaction = require('whatsapp-web.js/src/structures/Reaction.js') as Ctor<object>;
const LibContact = require('whatsapp-web.js/src/structures/Contact.js') as Ctor<WebjsContact>;
const LibGroupNotification = require('whatsapp-web.js/src/structures/GroupNotification.js') as Ctor<object>;
// The library's own Client method: it asks the page (window.WWebJS.enforceLidAndPnRetrieval) for each id.
const libLidAndPhone = (
  require('whatsapp-web.js/src/Client.js') as {
    prototype: { getContactLidAndPhone(this: unknown, ids: string[]): Promise<Array<{ lid?: string; pn?: string }>> };
  }
).prototype.getContactLidAndPhone;

export const ME = '628999000111@c.us';

/** Raw WhatsApp Web message model fields (what window.WWebJS.getMessageModel returns). */
export type RawMessage = {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string; participant?: string };
  type: string;
  t: number;
  from: string;
  to: string;
  body?: string;
  caption?: string;
  author?: string;
  ack?: number;
  notifyName?: string;
  directPath?: string;
  mimetype?: string;
  filename?: string;
  size?: number;
  width?: number;
  height?: number;
  duration?: string;
  lat?: number;
  lng?: number;
  loc?: string;
  vcardList?: Array<{ vcard: string }>;
  quotedMsg?: object;
  quotedStanzaID?: string;
  quotedParticipant?: string;
  latestEditMsgKey?: object;
  latestEditSenderTimestampMs?: number;
  isNewMsg?: boolean;
  /** Who the body @mentions; Message.mentionedIds reads it as it comes. */
  mentionedJidList?: Array<string | { _serialized: string }>;
};

export type RawChat = {
  id: { _serialized: string };
  formattedTitle: string;
  isGroup: boolean;
  unreadCount: number;
  t: number;
  archive?: boolean;
  pin?: number;
  isMuted?: boolean;
};

let counter = 0;

/** A raw message in `chat` from `sender` (or from us), `secondsAgo` before now. */
export function rawMessage(
  p: Partial<RawMessage> & {
    chat: string;
    type?: string;
    fromMe?: boolean;
    sender?: string;
    secondsAgo?: number;
    stanza?: string;
  },
): RawMessage {
  const fromMe = p.fromMe ?? false;
  const stanza = p.stanza ?? `3EB0${(++counter).toString(16).toUpperCase().padStart(16, '0')}`;
  const isGroup = p.chat.endsWith('@g.us');
  const participant = isGroup && !fromMe ? (p.sender ?? '628111222333@c.us') : undefined;
  const serialized = `${fromMe}_${p.chat}_${stanza}${participant ? `_${participant}` : ''}`;
  const { chat, sender, secondsAgo, stanza: _s, fromMe: _f, ...rest } = p;
  void _s;
  void _f;
  return {
    id: { fromMe, remote: chat, id: stanza, _serialized: serialized, ...(participant ? { participant } : {}) },
    type: 'chat',
    t: Math.floor(Date.now() / 1000) - (secondsAgo ?? 0),
    from: fromMe ? ME : isGroup ? chat : (sender ?? chat),
    to: fromMe ? chat : ME,
    ack: fromMe ? 1 : 0,
    ...(participant ? { author: participant } : {}),
    isNewMsg: true,
    ...rest,
  };
}

export class FakeWwebClient extends EventEmitter implements WebjsClient {
  info: WebjsClient['info'] = { wid: { user: '628999000111', _serialized: ME } };
  state: string | null = 'CONNECTED';
  /** getState never answers: a hung WhatsApp Web page. */
  hung = false;
  browserPid: number | null = null;
  readonly browserEvents = new EventEmitter();
  readonly messages = new Map<string, RawMessage>();
  readonly chats = new Map<string, RawChat>();
  readonly media = new Map<string, { data: string; mimetype: string; filename?: string; filesize?: number }>();
  readonly sent: Array<{ chatId: string; content: unknown; options: Record<string, unknown> | undefined }> = [];
  readonly calls: string[] = [];
  /** Raw contact models (name, pushname, userid) getContactById answers, by id. */
  readonly contacts = new Map<string, { name?: string; pushname?: string; userid?: string }>();
  /** What getContactLidAndPhone answers: phone jid → lid. */
  readonly lids = new Map<string, string>();
  /** Every `limit` a chat's fetchMessages was asked for, in order. */
  readonly fetchLimits: number[] = [];
  /** Per chat, how many messages WhatsApp Web's page holds (fetchMessages loads earlier ones into it). */
  readonly pageLoaded = new Map<string, number>();
  options: WebjsClientOptions | null = null;
  /** What initialize() does; by default nothing (tests emit the library's events). */
  /** Runs inside initialize(); a rejection is initialize()'s, as the library's launch and goto errors are. */
  onInitialize: () => unknown = () => undefined;

  // The real Message.downloadMedia asks the page; the page answers from `media`.
  /** null: the library has not opened WhatsApp Web's page yet. */
  pupPage: { evaluate(fn: unknown, msgId: unknown, ...args: unknown[]): Promise<unknown> } | null = {
    evaluate: async (_fn: unknown, msgId: unknown, ...args: unknown[]) => {
      // Client.getContactLidAndPhone passes the list of ids.
      if (Array.isArray(msgId)) return msgId.map(id => this.pageLidAndPhone(String(id)));
      if (typeof msgId !== 'string') throw new TypeError('unexpected page call');
      // Message.edit passes (content, options); Message.delete passes (everyone, clearMedia).
      if (typeof args[0] === 'string') return this.pageEdit(msgId, args[0]);
      if (typeof args[0] === 'boolean') return this.pageDelete(msgId, args[0]);
      return this.media.get(msgId);
    },
  };
  /** What Message.edit and Message.delete did in the page, in order. */
  readonly pageActions: string[] = [];

  /**
   * WhatsApp Web's side of Message.edit: canEditText (our text message, at most 15 minutes
   * old) or null; the edit fires message_edit as the library's Msg 'change:body' listener does.
   */
  private pageEdit(msgId: string, content: string): RawMessage | null {
    const raw = this.messages.get(msgId);
    if (!raw || !raw.id.fromMe || raw.type !== 'chat' || Date.now() / 1000 - raw.t > 15 * 60) return null;
    const prev = raw.body ?? '';
    const editedAt = Date.now();
    const edited = {
      ...raw,
      body: content,
      latestEditMsgKey: { _serialized: `edit_${++counter}` },
      latestEditSenderTimestampMs: editedAt,
    };
    this.messages.set(msgId, edited);
    this.pageActions.push(`edit ${msgId}`);
    this.emit('message_edit', this.msg(edited), content, prev);
    return edited;
  }

  /**
   * WhatsApp Web's side of Message.delete: a revoke when canSenderRevokeMsg allows it (our
   * message within about two days), else, as the library does, a delete for us only.
   */
  private pageDelete(msgId: string, everyone: boolean): undefined {
    const raw = this.messages.get(msgId);
    if (!raw) throw new TypeError("Cannot read properties of undefined (reading 'id')");
    const canRevoke = raw.id.fromMe && Date.now() / 1000 - raw.t <= 2 * 24 * 3600;
    if (everyone && canRevoke) {
      const revoked = { ...raw, type: 'revoked', body: '' };
      this.messages.set(msgId, revoked);
      this.pageActions.push(`revoke ${msgId}`);
      this.emit('message_revoke_everyone', this.msg(revoked), this.msg(raw));
    } else {
      this.messages.delete(msgId);
      this.pageActions.push(`delete-for-me ${msgId}`);
      this.emit('message_revoke_me', this.msg(raw));
    }
    return undefined;
  }
  readonly pupBrowser = {
    process: () => (this.browserPid === null ? null : { pid: this.browserPid }),
    on: (event: 'disconnected', cb: () => void) => this.browserEvents.on(event, cb),
  };

  msg(raw: RawMessage): WebjsMessage {
    return new LibMessage(this, raw);
  }
  reaction(data: {
    parentMsgKey: { _serialized: string };
    senderUserJid: string;
    reactionText: string;
    timestamp: number;
  }): object {
    return new LibReaction(this, {
      msgKey: { _serialized: `reaction_${++counter}` },
      orphan: 0,
      read: false,
      ack: 1,
      ...data,
    });
  }
  groupNotification(data: { chat: string; subtype: string; author?: string; recipients?: string[] }): object {
    const stanza = `GN${++counter}`;
    return new LibGroupNotification(this, {
      id: { fromMe: false, remote: data.chat, id: stanza, _serialized: `false_${data.chat}_${stanza}` },
      subtype: data.subtype,
      t: Math.floor(Date.now() / 1000),
      author: data.author,
      recipients: data.recipients ?? [],
    });
  }
  /** Store a message in WhatsApp Web's memory (history) without any event. */
  remember(raw: RawMessage): RawMessage {
    this.messages.set(raw.id._serialized, raw);
    const chat = this.chats.get(raw.id.remote);
    if (chat && raw.t > chat.t) chat.t = raw.t;
    return raw;
  }
  addChat(jid: string, title: string, t = Math.floor(Date.now() / 1000)): void {
    this.chats.set(jid, {
      id: { _serialized: jid },
      formattedTitle: title,
      isGroup: jid.endsWith('@g.us'),
      unreadCount: 0,
      t,
    });
  }

  async initialize(): Promise<void> {
    this.calls.push('initialize');
    await this.onInitialize();
  }
  async destroy(): Promise<void> {
    this.calls.push('destroy');
  }
  async logout(): Promise<void> {
    this.calls.push('logout');
  }
  async getState(): Promise<string | null> {
    if (this.hung) return new Promise(() => undefined);
    return this.state;
  }
  async getChats(): Promise<WebjsChat[]> {
    return [...this.chats.values()].map(raw => this.chatObject(raw));
  }
  async getChatById(chatId: string): Promise<WebjsChat | undefined> {
    const raw = this.chats.get(chatId);
    return raw ? this.chatObject(raw) : undefined;
  }
  /** Contact.block()/unblock() as the library has them: false for a group, else the flag flips. */
  readonly blocked = new Set<string>();
  async getContactById(contactId: string): Promise<WebjsContact> {
    const isGroup = contactId.endsWith('@g.us');
    const flip = async (on: boolean) => {
      if (isGroup) return false;
      this.calls.push(`${on ? 'block' : 'unblock'} ${contactId}`);
      if (on) this.blocked.add(contactId);
      else this.blocked.delete(contactId);
      return true;
    };
    this.calls.push(`contact ${contactId}`);
    // The library's own Contact, from the model WhatsApp Web holds (or an empty one).
    const contact = new LibContact(this, {
      id: { _serialized: contactId },
      isGroup,
      ...this.contacts.get(contactId),
    });
    return Object.assign(contact, {
      isBlocked: this.blocked.has(contactId),
      block: () => flip(true),
      unblock: () => flip(false),
    });
  }
  async getMessageById(messageId: string): Promise<WebjsMessage | null> {
    const raw = this.messages.get(messageId);
    return raw ? this.msg(raw) : null;
  }
  async sendMessage(chatId: string, content: unknown, options?: Record<string, unknown>): Promise<WebjsMessage> {
    this.sent.push({ chatId, content, options });
    const isMedia = typeof content !== 'string';
    const raw = this.remember(
      rawMessage({
        chat: chatId,
        fromMe: true,
        type: isMedia
          ? options?.['sendAudioAsVoice']
            ? 'ptt'
            : options?.['sendMediaAsDocument']
              ? 'document'
              : 'image'
          : 'chat',
        body: isMedia ? String(options?.['caption'] ?? '') : String(content),
        ...(isMedia ? { directPath: '/v/t62/fake', mimetype: (content as { mimetype: string }).mimetype } : {}),
      }),
    );
    return this.msg(raw);
  }
  // The Client methods whatsapp-web.js's Chat calls for pin, archive, mute and mark unread.
  async pinChat(chatId: string): Promise<boolean> {
    this.calls.push(`pin:${chatId}`);
    return true;
  }
  async unpinChat(chatId: string): Promise<boolean> {
    this.calls.push(`unpin:${chatId}`);
    return false;
  }
  async archiveChat(chatId: string): Promise<boolean> {
    this.calls.push(`archive:${chatId}`);
    return true;
  }
  async unarchiveChat(chatId: string): Promise<boolean> {
    this.calls.push(`unarchive:${chatId}`);
    return false;
  }
  async muteChat(chatId: string): Promise<{ isMuted: boolean; muteExpiration: number }> {
    this.calls.push(`mute:${chatId}`);
    return { isMuted: true, muteExpiration: -1 };
  }
  async unmuteChat(chatId: string): Promise<{ isMuted: boolean; muteExpiration: number }> {
    this.calls.push(`unmute:${chatId}`);
    return { isMuted: false, muteExpiration: 0 };
  }
  async markChatUnread(chatId: string): Promise<void> {
    this.calls.push(`markUnread:${chatId}`);
  }
  async sendSeen(chatId: string): Promise<boolean> {
    this.calls.push(`sendSeen:${chatId}`);
    return true;
  }
  /** The library's own method (through the page below); fails like the page when `lidLookupFails`. */
  lidLookupFails = false;
  async getContactLidAndPhone(userIds: string[]): Promise<Array<{ lid?: string; pn?: string }>> {
    this.calls.push(`lidAndPhone ${userIds.join(',')}`);
    if (this.lidLookupFails) throw new Error('Evaluation failed: TypeError: window.WWebJS is undefined');
    return libLidAndPhone.call(this, userIds);
  }
  /**
   * WhatsApp Web's enforceLidAndPnRetrieval, as the library serializes it: both forms of
   * each id (`lid?._serialized`, `phone?._serialized`), either missing when unknown.
   */
  private pageLidAndPhone(id: string): { lid?: string; pn?: string } {
    if (id.endsWith('@lid')) {
      const pn = [...this.lids].find(([, lid]) => lid === id)?.[0];
      return { lid: id, ...(pn ? { pn } : {}) };
    }
    const lid = this.lids.get(id);
    return { pn: id, ...(lid ? { lid } : {}) };
  }
  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.calls.push(`pair:${phoneNumber}`);
    this.emit('code', 'WXYZ2345');
    return 'WXYZ2345';
  }

  private chatObject(raw: RawChat): WebjsChat {
    const chat = new LibChat(this, raw);
    // Chat.fetchMessages evaluates in the page; answer from this fake's memory instead,
    // with the library's semantics (1.34.7 Chat.js): while the page holds fewer than
    // `limit`, loadEarlierMsgs adds earlier ones until none are left; then the newest
    // `limit`, oldest first.
    chat.fetchMessages = async ({ limit }) => {
      this.fetchLimits.push(limit);
      const jid = raw.id._serialized;
      const all = [...this.messages.values()].filter(m => m.id.remote === jid).sort((a, b) => a.t - b.t);
      const loaded = Math.min(all.length, Math.max(this.pageLoaded.get(jid) ?? 0, limit));
      this.pageLoaded.set(jid, loaded);
      return all
        .slice(-loaded)
        .slice(-limit)
        .map(m => this.msg(m));
    };
    return chat;
  }
}

export function fakeFactory(fake: FakeWwebClient): ClientFactory & { created: number } {
  const factory = {
    created: 0,
    create(options: WebjsClientOptions): WebjsClient {
      factory.created++;
      fake.options = options;
      return fake;
    },
    mediaFromFile(path: string, mimeType: string, fileName: string | null) {
      return { mimetype: mimeType, data: readFileSync(path).toString('base64'), filename: fileName };
    },
  };
  return factory;
}
