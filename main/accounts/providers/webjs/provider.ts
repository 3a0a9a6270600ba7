/**
 * The whatsapp-web.js provider: one library Client (one Chromium) per account, inside the
 * account's own process. It maps the library's events to ours, catches up after every
 * `ready` (the library only reports new messages), and makes sure no Chromium outlives it.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageInput } from '../../../../common/ingest';
import { saveMedia } from '../../../platform/media-store';
import type {
  ProviderEvent,
  ProviderListener,
  ProviderRequest,
  ProviderResults,
  WhatsAppProvider,
} from '../../provider';
import type { ClientFactory, WebjsChat, WebjsClient, WebjsId, WebjsMessage } from './client';
import { applyChatFlags } from './chat-flags';
import { deleteOwnMessage, editOwnMessage } from './own-messages';
import { catchUpChats, olderMessages } from './history';
import { ackOf, chatInputOf, disconnectStatusOf, messageInputOf, toMs } from './map';
import { createMentionLookup } from './mentions';
import { createLidPairing } from './lid-pairs';
import { preflight } from './preflight';
import { errorTextOf, initializeFailure } from './link-errors';
import { groupNoticeCode } from '../../../../common/preview';

export type WebjsProviderOptions = {
  readonly accountId: string;
  readonly dataDir: string;
  readonly executablePath: string | null;
  readonly pairingPhone: string | null;
  readonly headless: boolean;
  readonly clientFactory: ClientFactory;
  readonly log: (level: 'info' | 'warn' | 'error', msg: string) => void;
  /** Messages fetched per new chat on first sync; older ones load on demand. */
  readonly firstSyncPerChat?: number;
  /** How a browser is found when none is configured (tests replace the system search). */
  readonly findBrowser?: () => string | null;
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

export function createWebjsProvider(o: WebjsProviderOptions): WhatsAppProvider {
  const listeners = new Set<ProviderListener>();
  const dataPath = join(o.dataDir, 'wa');
  let client: WebjsClient | null = null;
  let me: string | null = null;
  let everReady = false;
  let ready = false;
  let browserPid: number | null = null;
  // The same message can be reported twice (message + message_create, ciphertext retries);
  // one IPC message per (id, type) is enough. The store is idempotent either way.
  const recent = new Map<string, true>();
  // How many messages of each chat the page holds after our fetches: a new page starts empty.
  const depths = new Map<string, number>();

  const emit = (event: ProviderEvent) => {
    for (const l of listeners) l(event);
  };
  const emitMessage = (m: MessageInput | null) => {
    if (!m) return;
    const key = `${m.providerMessageId}|${m.type}|${m.edited}|${m.revoked}`;
    if (recent.has(key)) return;
    recent.set(key, true);
    if (recent.size > 5000) recent.delete(recent.keys().next().value as string);
    emit({ kind: 'message', message: m });
  };
  // Our phone jid, and our lid once the library names it: a quote of our own message may
  // carry either.
  let myLid: string | null = null;
  const myIds = (): string[] => [me, myLid].filter((id): id is string => id !== null);
  // Whoever a message @mentions becomes a contact, so the inbox shows a name, not digits.
  const mentioned = createMentionLookup({
    accountId: o.accountId,
    client: () => (ready ? client : null),
    report: contact => emit({ kind: 'contact', contact }),
    log: msg => o.log('warn', msg),
  });
  // A chat or a sender that arrives as a lid is paired with its phone, so one person stays one chat.
  const lids = createLidPairing({
    accountId: o.accountId,
    client: () => (ready ? client : null),
    report: contact => emit({ kind: 'contact', contact }),
    log: msg => o.log('warn', msg),
  });
  const map = (m: WebjsMessage) => {
    const input = messageInputOf(o.accountId, m, myIds());
    if (input?.mentions) mentioned.learn(input.mentions);
    if (input) lids.learn([input.chatJid, input.author]);
    return input;
  };
  type Listener = (...args: never[]) => void;
  const guard =
    (name: string, fn: Listener) =>
    (...args: unknown[]): void => {
      // A library object of an unexpected shape must cost one event, not the account.
      // The handlers declare the library's documented argument shapes.
      try {
        fn(...(args as never[]));
      } catch (err) {
        o.log('warn', `could not map ${name}: ${String(err)}`);
      }
    };

  const attach = (c: WebjsClient) => {
    const on = (event: string, fn: Listener) => c.on(event, guard(event, fn));
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
      me = c.info?.wid?._serialized ?? null;
      void learnMyLid(c);
      everReady = true;
      ready = true;
      const phone = c.info?.wid?.user ?? null;
      emit({ kind: 'status', status: { state: 'ready', phone: phone && /^\d{5,20}$/.test(phone) ? phone : null } });
    });
    on('change_state', (state: string) => {
      if (state === 'CONNECTED' && everReady && !ready) {
        // Back from TIMEOUT/OPENING: report ready again so main runs a catch-up.
        ready = true;
        emit({ kind: 'status', status: { state: 'ready', phone: c.info?.wid?.user ?? null } });
      } else if (state === 'TIMEOUT' || state === 'OPENING' || state === 'PAIRING') {
        ready = false;
        const code = state === 'TIMEOUT' ? 'phone_unreachable' : 'reconnecting';
        emit({ kind: 'status', status: { state: 'connecting', code, reason: state } });
      }
      // Other states are followed by `disconnected`, which carries the action.
    });
    on('disconnected', (reason: string) => {
      ready = false;
      emit({ kind: 'status', status: disconnectStatusOf(String(reason)) });
    });
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
      emit({ kind: 'ack', ack: { accountId: o.accountId, providerMessageId: m.id._serialized, ack: ackOf(ack) } }),
    );
    const revoke = (m: WebjsMessage, before?: WebjsMessage | null) =>
      emit({
        kind: 'revoke',
        revoke: {
          accountId: o.accountId,
          providerMessageId: before?.id?._serialized ?? m.id._serialized,
          revokedAt: Date.now(),
        },
      });
    on('message_revoke_everyone', revoke);
    // "Delete for me" on the phone hides the message on that phone only: the customer and
    // the team still have it, so it is not a deletion here (the library's message_revoke_me).
    on('message_revoke_me', (m: WebjsMessage) =>
      o.log('info', `message ${m.id._serialized} deleted for me on the phone; kept for the team`),
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
          accountId: o.accountId,
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
          accountId: o.accountId,
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
          accountId: o.accountId,
          providerMessageId: pollId,
          voterJid: v.voter,
          options: (v.selectedOptions ?? []).flatMap(x => (typeof x.name === 'string' ? [x.name.slice(0, 500)] : [])),
          timestamp: toMs(v.interractedAtTs) ?? Date.now(),
        },
      });
    });
    const chatUpdate = (chat: WebjsChat | undefined) => {
      if (!chat) return;
      emit({ kind: 'chat', chat: chatInputOf(o.accountId, chat) });
      lids.learn([chat.id._serialized]);
    };
    on('unread_count', chatUpdate);
    on('chat_archived', chatUpdate);
    on('contact_changed', (_m: WebjsMessage, _oldId: string, newId: string) => {
      const jid = String(newId);
      emit({
        kind: 'contact',
        contact: jid.endsWith('@lid') ? { accountId: o.accountId, lid: jid } : { accountId: o.accountId, jid },
      });
      lids.learn([jid]);
    });
    const notice = (n: Notification) =>
      emitMessage({
        accountId: o.accountId,
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
  };

  const learnMyLid = async (c: WebjsClient) => {
    if (!me || !c.getContactLidAndPhone) return;
    try {
      const [pair] = await c.getContactLidAndPhone([me]);
      myLid = pair?.lid?.endsWith('@lid') ? pair.lid : me.endsWith('@lid') ? me : null;
    } catch (err) {
      o.log('warn', `could not look up our own lid: ${String(err)}`);
    }
  };

  const hookBrowser = (c: WebjsClient) => {
    const browser = c.pupBrowser;
    if (!browser || browserPid !== null) return;
    browserPid = browser.process()?.pid ?? null;
    if (browserPid !== null) emit({ kind: 'browser', pid: browserPid });
    // Plain network loss often brings no `disconnected`; a dead browser certainly doesn't.
    browser.on?.('disconnected', () => {
      if (client !== c) return;
      ready = false;
      emit({
        kind: 'status',
        status: { state: 'disconnected', action: 'reconnect', code: 'browser_closed', reason: 'browser disconnected' },
      });
    });
  };

  const killBrowser = () => {
    if (browserPid === null) return;
    try {
      process.kill(browserPid, 'SIGKILL');
    } catch {
      // already gone: the normal case after destroy()
    }
    browserPid = null;
  };

  const withTimeout = <T>(p: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([
      p,
      new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} timed out`)), ms).unref()),
    ]);

  const need = (): WebjsClient => {
    if (!client || !ready) throw new Error('WhatsApp is not connected');
    return client;
  };

  const sent = async (m: WebjsMessage, clientMessageId: string | null): Promise<MessageInput> => {
    const input = map(m);
    if (!input) throw new Error('WhatsApp did not return the sent message');
    return { ...input, clientMessageId };
  };

  async function handle(req: ProviderRequest): Promise<unknown> {
    switch (req.op) {
      case 'sendText': {
        const m = await need().sendMessage(
          req.chatJid,
          req.text,
          req.quotedProviderMessageId ? { quotedMessageId: req.quotedProviderMessageId } : {},
        );
        return sent(m, req.clientMessageId);
      }
      case 'sendMedia': {
        const media = o.clientFactory.mediaFromFile(req.path, req.mimeType, req.fileName);
        const m = await need().sendMessage(req.chatJid, media, {
          ...(req.caption ? { caption: req.caption } : {}),
          ...(req.kind === 'voice' ? { sendAudioAsVoice: true } : {}),
          ...(req.kind === 'document' ? { sendMediaAsDocument: true } : {}),
          ...(req.quotedProviderMessageId ? { quotedMessageId: req.quotedProviderMessageId } : {}),
        });
        return sent(m, req.clientMessageId);
      }
      case 'react': {
        const m = await need().getMessageById(req.providerMessageId);
        if (!m) throw new Error('That message is no longer on WhatsApp');
        await m.react(req.emoji);
        return null;
      }
      case 'editMessage':
        return editOwnMessage({ accountId: o.accountId, client: need(), emit }, req);
      case 'deleteMessage':
        return deleteOwnMessage({ accountId: o.accountId, client: need(), emit }, req);
      case 'markRead':
        await need().sendSeen(req.chatJid);
        return null;
      case 'setChatFlags': {
        const chat = await need().getChatById(req.chatJid);
        if (!chat) throw new Error('That chat is no longer on WhatsApp');
        await applyChatFlags(chat, req, jid => need().sendSeen(jid));
        return null;
      }
      case 'setBlocked': {
        const contact = await need().getContactById(req.chatJid);
        const done = req.blocked ? await contact.block() : await contact.unblock();
        // The library answers false for a group (and sends nothing).
        if (!done) throw new Error('WhatsApp did not change the block: is this a group?');
        return null;
      }
      case 'loadOlder': {
        const chat = await need().getChatById(req.chatJid);
        if (!chat) return { messages: [], hasMore: false, reachedLimit: false };
        return olderMessages(chat, map, req.beforeMs, req.limit, depths);
      }
      case 'downloadMedia': {
        const m = await need().getMessageById(req.providerMessageId);
        const media = m ? await m.downloadMedia() : null;
        if (!media) return null;
        const stored = saveMedia(o.dataDir, Buffer.from(media.data, 'base64'), media.mimetype);
        const info = m ? map(m)?.media : null;
        return {
          ...(info ?? { width: null, height: null, durationS: null, thumbnail: null }),
          mimeType: media.mimetype,
          fileName: media.filename ?? null,
          size: stored.size,
          sha256: stored.sha256,
          localPath: stored.localPath,
        };
      }
      case 'requestPairingCode': {
        if (!client) throw new Error('The account is not started');
        // The library asks the page for the code: before the page is open it would throw a TypeError.
        if (!client.pupPage) throw new Error('WhatsApp Web is still opening: ask for the code again in a moment');
        // The library emits the code as its `code` event too, which reports it (once).
        return client.requestPairingCode(req.phone, true);
      }
    }
  }

  return {
    async start() {
      const pre = preflight({
        configuredPath: o.executablePath,
        profileDir: join(dataPath, `session-${o.accountId}`),
        ...(o.findBrowser ? { findBrowser: o.findBrowser } : {}),
      });
      if (!pre.ok) {
        emit({ kind: 'status', status: pre.status });
        return;
      }
      if (pre.note) o.log('info', pre.note);
      const executablePath = pre.executablePath;
      const c = o.clientFactory.create({
        accountId: o.accountId,
        dataPath,
        executablePath,
        headless: o.headless,
        pairingPhone: o.pairingPhone,
      });
      client = c;
      depths.clear();
      attach(c);
      emit({ kind: 'status', status: { state: 'connecting', code: 'opening', reason: null } });
      // The browser starts inside initialize(), long before any event: watch for it, so an
      // account process killed while WhatsApp Web still loads cannot orphan it.
      let ticks = 0;
      const watch = setInterval(() => {
        if (client !== c || browserPid !== null || ++ticks > 600) clearInterval(watch);
        else if (c.pupBrowser) hookBrowser(c);
      }, 200);
      watch.unref?.();
      // initialize() resolves only after login; its failures arrive here, not as events.
      c.initialize().catch((err: unknown) => {
        if (client !== c) return;
        emit({ kind: 'status', status: initializeFailure(errorTextOf(err)) });
      });
    },
    async stop() {
      const c = client;
      client = null;
      ready = false;
      if (c) {
        c.removeAllListeners();
        await withTimeout(c.destroy(), 10_000, 'closing WhatsApp Web').catch(err => o.log('warn', String(err)));
      }
      killBrowser(); // destroy() can hang or fail half-way; the browser must not outlive us
    },
    async logout() {
      const c = client;
      if (c) await withTimeout(c.logout(), 15_000, 'logging out').catch(err => o.log('warn', String(err)));
      await this.stop();
      rmSync(join(dataPath, `session-${o.accountId}`), { recursive: true, force: true, maxRetries: 4 });
    },
    request: <R extends ProviderRequest>(req: R) => handle(req) as Promise<ProviderResults[R['op']]>,
    catchUp: (watermarks, send) =>
      catchUpChats(need(), o.accountId, map, watermarks, send, o.firstSyncPerChat ?? 50, lids.resolve),
    async probe() {
      if (!client) throw new Error('not started');
      await client.getState();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
