/**
 * What the account's process asks of its whatsapp-web.js Client (ProviderRequest): sends,
 * reactions, edits and deletes, read and chat flags, blocking, older history, media
 * downloads and a pairing code. Apart from the provider's lifecycle and event mapping
 * (provider.ts, events.ts): each request is one library call or two, and needs only the
 * Client while the link is up.
 */
import type { MessageInput } from '../../../../common/ingest';
import { saveMedia } from '../../../platform/media-store';
import type { ProviderEvent, ProviderRequest } from '../../provider';
import { applyChatFlags } from './chat-flags';
import type { ClientFactory, WebjsClient, WebjsMessage } from './client';
import { olderMessages } from './history';
import { deleteOwnMessage, editOwnMessage } from './own-messages';

export type RequestContext = {
  readonly accountId: string;
  /** Where downloaded media is stored. */
  readonly dataDir: string;
  readonly clientFactory: ClientFactory;
  /** The Client while the link is up; throws otherwise. */
  readonly need: () => WebjsClient;
  /** The Client once started, linked or not (a pairing code is asked for before the link is up). */
  readonly client: () => WebjsClient | null;
  readonly map: (m: WebjsMessage) => MessageInput | null;
  readonly emit: (event: ProviderEvent) => void;
  /** How many messages of each chat the page holds after our fetches. */
  readonly depths: Map<string, number>;
};

/** Performs one request of the account's process; its result is the request's ProviderResults. */
export function createRequestHandler(ctx: RequestContext): (req: ProviderRequest) => Promise<unknown> {
  const { accountId, need, map, emit } = ctx;
  const sent = (m: WebjsMessage, clientMessageId: string | null): MessageInput => {
    const input = map(m);
    if (!input) throw new Error('WhatsApp did not return the sent message');
    return { ...input, clientMessageId };
  };
  return async req => {
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
        const media = ctx.clientFactory.mediaFromFile(req.path, req.mimeType, req.fileName);
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
        return editOwnMessage({ accountId, client: need(), emit }, req);
      case 'deleteMessage':
        return deleteOwnMessage({ accountId, client: need(), emit }, req);
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
        return olderMessages(chat, map, req.beforeMs, req.limit, ctx.depths);
      }
      case 'downloadMedia': {
        const m = await need().getMessageById(req.providerMessageId);
        const media = m ? await m.downloadMedia() : null;
        if (!media) return null;
        const stored = saveMedia(ctx.dataDir, Buffer.from(media.data, 'base64'), media.mimetype);
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
        const client = ctx.client();
        if (!client) throw new Error('The account is not started');
        // The library asks the page for the code: before the page is open it would throw a TypeError.
        if (!client.pupPage) throw new Error('WhatsApp Web is still opening: ask for the code again in a moment');
        // The library emits the code as its `code` event too, which reports it (once).
        return client.requestPairingCode(req.phone, true);
      }
    }
  };
}
