/**
 * A fake of whatsapp-web.js's Client: an EventEmitter whose events carry the library's
 * real objects. Message, Chat, Reaction and GroupNotification are the library's own
 * classes, built from raw WhatsApp Web model data (wweb-raw.ts) exactly as Client.js builds
 * them, so the provider sees the same getters and quirks (seconds, `_data`, body = caption
 * for media). What WhatsApp Web's page does when the library asks it is fake-wweb-page.ts.
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
import type { FakePage } from './fake-wweb-page';
import { fakePage } from './fake-wweb-page';
import type { RawChat, RawMessage } from './wweb-raw';
import { ME, nextSeq, rawMessage } from './wweb-raw';

// The raw model data is part of this fake's interface: the tests build it beside the Client.
export type { RawChat, RawMessage } from './wweb-raw';
export { ME, rawMessage } from './wweb-raw';

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

  /** What Message.edit and Message.delete did in the page, in order. */
  readonly pageActions: string[] = [];
  // The library's Message and Client methods ask the page; the page answers from this fake.
  /** null: the library has not opened WhatsApp Web's page yet. */
  pupPage: FakePage | null = fakePage(this);
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
      msgKey: { _serialized: `reaction_${nextSeq()}` },
      orphan: 0,
      read: false,
      ack: 1,
      ...data,
    });
  }
  groupNotification(data: { chat: string; subtype: string; author?: string; recipients?: string[] }): object {
    const stanza = `GN${nextSeq()}`;
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
