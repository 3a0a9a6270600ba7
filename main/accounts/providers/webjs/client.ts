/**
 * The part of whatsapp-web.js's Client (and its Message and Chat objects) that we use,
 * as structural types. The provider depends on these, not on the library, so tests drive
 * it with a fake that emits the library's real event and object shapes.
 */
export type WebjsId = {
  readonly _serialized: string;
  readonly fromMe?: boolean;
  readonly remote?: string;
  readonly id?: string;
};

export type WebjsMedia = {
  readonly mimetype: string;
  readonly data: string;
  readonly filename?: string | null;
  readonly filesize?: number | null;
};

export type WebjsMessage = {
  readonly id: WebjsId;
  readonly type: string;
  readonly body: string;
  /** Seconds since the epoch. */
  readonly timestamp: number;
  readonly from: string;
  readonly to: string;
  readonly author?: string;
  readonly fromMe: boolean;
  readonly ack?: number;
  readonly hasMedia: boolean;
  readonly hasQuotedMsg?: boolean;
  readonly isStatus?: boolean;
  readonly duration?: string | number;
  readonly location?: {
    readonly latitude: number | string;
    readonly longitude: number | string;
    readonly name?: string;
    readonly address?: string;
    readonly description?: string;
  };
  readonly vCards?: readonly string[];
  readonly latestEditSenderTimestampMs?: number;
  /** poll_creation only. */
  readonly pollName?: string;
  readonly pollOptions?: ReadonlyArray<{ readonly name?: string; readonly localId?: number }>;
  readonly allowMultipleAnswers?: boolean;
  readonly latestEditMsgKey?: unknown;
  /** Who the body @mentions (`@<user>` in the text): serialized ids, or Wid objects. */
  readonly mentionedIds?: ReadonlyArray<string | { readonly _serialized?: string }>;
  readonly _data: Readonly<Record<string, unknown>>;
  downloadMedia(): Promise<WebjsMedia | undefined | null>;
  react(emoji: string): Promise<void>;
  /** Our own message only; null when WhatsApp Web's canEditText/canEditCaption refuses. */
  edit(content: string, options?: Record<string, unknown>): Promise<WebjsMessage | null>;
  /** everyone=true revokes when WhatsApp Web allows it, and otherwise deletes for us only. */
  delete(everyone?: boolean, clearMedia?: boolean): Promise<void>;
};

export type WebjsChat = {
  readonly id: WebjsId;
  readonly name?: string;
  readonly isGroup: boolean;
  readonly unreadCount?: number;
  /** Seconds since the epoch of the last activity. */
  readonly timestamp?: number;
  readonly archived?: boolean;
  readonly pinned?: boolean;
  readonly isMuted?: boolean;
  fetchMessages(options: { limit: number }): Promise<WebjsMessage[]>;
  pin(): Promise<boolean>;
  unpin(): Promise<boolean>;
  archive(): Promise<void>;
  unarchive(): Promise<void>;
  /** Without a date: muted until unmuted. */
  mute(unmuteDate?: Date): Promise<unknown>;
  unmute(): Promise<unknown>;
  markUnread(): Promise<void>;
};

export type WebjsContact = {
  readonly isBlocked?: boolean;
  /** The name saved in the phone's address book, if any. */
  readonly name?: string;
  /** The name the person gave themselves in WhatsApp. */
  readonly pushname?: string;
  /** Phone digits; for a lid-only contact the library may give the lid's digits. */
  readonly number?: string;
  block(): Promise<boolean>;
  unblock(): Promise<boolean>;
};

export type WebjsClient = {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeAllListeners(): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  logout(): Promise<void>;
  getState(): Promise<string | null>;
  getChats(): Promise<WebjsChat[]>;
  getChatById(chatId: string): Promise<WebjsChat | undefined>;
  /** The library's Contact: block() and unblock() answer false for a group. */
  getContactById(contactId: string): Promise<WebjsContact>;
  getMessageById(messageId: string): Promise<WebjsMessage | null | undefined>;
  sendMessage(chatId: string, content: unknown, options?: Record<string, unknown>): Promise<WebjsMessage>;
  sendSeen(chatId: string): Promise<boolean>;
  requestPairingCode(phoneNumber: string, showNotification?: boolean): Promise<string>;
  /** The library's lid ↔ phone lookup (1.34): one `{ lid, pn }` per id asked, either may be absent. */
  getContactLidAndPhone?(
    userIds: string[],
  ): Promise<ReadonlyArray<{ readonly lid?: string | undefined; readonly pn?: string | undefined }>>;
  readonly info?: { readonly wid?: { readonly user?: string; readonly _serialized?: string } } | null;
  /** Set once the library has opened WhatsApp Web's page; undefined before. */
  readonly pupPage?: unknown;
  readonly pupBrowser?: {
    process(): { pid?: number } | null;
    on?(event: 'disconnected', cb: () => void): unknown;
  } | null;
};

export type WebjsClientOptions = {
  readonly accountId: string;
  /** LocalAuth dataPath: the profile lives in <dataPath>/session-<accountId>. */
  readonly dataPath: string;
  readonly executablePath: string;
  readonly headless: boolean;
  readonly pairingPhone: string | null;
};

export type ClientFactory = {
  create(options: WebjsClientOptions): WebjsClient;
  /** A MessageMedia for a local file, in the library's own class. */
  mediaFromFile(path: string, mimeType: string, fileName: string | null): unknown;
};

/** The real library, loaded only here and only in a webjs account's process. */
export async function realClientFactory(): Promise<ClientFactory> {
  const wweb = (await import('whatsapp-web.js')).default;
  const { readFileSync } = await import('node:fs');
  const { basename } = await import('node:path');
  return {
    create(o) {
      const client = new wweb.Client({
        authStrategy: new wweb.LocalAuth({ clientId: o.accountId, dataPath: o.dataPath }),
        puppeteer: {
          executablePath: o.executablePath,
          headless: o.headless,
          // A desktop app's own profile: no first-run UI, no background networking.
          args: ['--no-first-run', '--no-default-browser-check', '--disable-background-networking'],
        },
        ...(o.pairingPhone ? { pairWithPhoneNumber: { phoneNumber: o.pairingPhone, showNotification: true } } : {}),
      });
      // The library's classes carry more than we use; the structural type is the contract.
      return client as unknown as WebjsClient;
    },
    mediaFromFile(path, mimeType, fileName) {
      return new wweb.MessageMedia(mimeType, readFileSync(path).toString('base64'), fileName ?? basename(path));
    },
  };
}
