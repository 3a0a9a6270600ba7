import { randomUUID } from 'node:crypto';
import type { AccountId, ChatId, ClientMessageId, Message, MessageId } from '../../common/domain';
import { asClientMessageId, chatIdOf } from '../../common/domain';
import { CommandError } from '../../common/result';
import type { AccountManager } from '../accounts/manager';
import type { OutboxEntry, Store } from '../store';
import { localProviderId } from '../store';
import type { EventBus } from '../platform/event-bus';
import type { Logger } from '../platform/log';

type MediaKind = 'image' | 'video' | 'audio' | 'voice' | 'document';

export type SendRequest = {
  readonly chatId: ChatId;
  readonly text: string;
  readonly quotedMessageId: string | null;
  /**
   * The attachment, already a file in this desktop's content-addressed media folder
   * (attachment-file.ts stores the agent's; a teammate's relayed one is downloaded first).
   */
  readonly file?: StoredFile | null;
  /** The audio file goes as a voice note (push-to-talk), not as an audio file. */
  readonly voice?: boolean;
  readonly clientMessageId?: string;
};

type StoredFile = {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly mimeType: string;
  readonly fileName: string | null;
};

export type OutboxSender = {
  send(req: SendRequest): Message;
  /** Resolves when the message went out or failed (a teammate's relayed send waits on this). */
  settled(clientMessageId: ClientMessageId): Promise<OutboxEntry>;
  /** Sends what is queued for every account (after the workspace link comes back). */
  drainAll(): void;
  retry(clientMessageId: ClientMessageId): Message;
  /** Sends what is queued for an account; called when it becomes ready. */
  drain(accountId: AccountId): void;
  /** Waits for the sends under way (tests, shutdown). */
  idle(): Promise<void>;
};

/** How messages of accounts hosted on another desktop leave: through the workspace server. */
export type RelayRoute = {
  isOnline(): boolean;
  /**
   * Hands the message (and its file) to the server, idempotent on its client id; it settles
   * later. Answers `failed` when the server refuses it for good; throws to be tried again.
   */
  send(entry: OutboxEntry, chatId: ChatId, quotedProviderMessageId: string | null): Promise<{ failed: string } | void>;
};

export type OutboxSenderDeps = {
  readonly store: Store;
  /** Null when not signed in to a workspace: every account is then local. */
  readonly relay?: () => RelayRoute | null;
  readonly accounts: Pick<AccountManager, 'request' | 'list'>;
  readonly events: Pick<EventBus, 'emit'>;
  readonly log: Logger;
};

/** A WhatsApp privacy id (common/ids.ts JID_PATTERN's lid form, without a device). */
const LID_JID = /^\d{1,24}@lid$/;

const kindOf = (mime: string): MediaKind =>
  mime.startsWith('image/')
    ? 'image'
    : mime.startsWith('video/')
      ? 'video'
      : mime.startsWith('audio/')
        ? 'audio'
        : 'document';

/**
 * Outgoing messages: written to the outbox (with their optimistic row) before anything is
 * attempted, then sent one at a time per account, in order, only while the account is ready.
 * A message that was in flight when the app died is marked failed rather than resent:
 * resending could reach the customer twice, so the agent decides.
 */
export function createOutboxSender(deps: OutboxSenderDeps): OutboxSender {
  const { store, accounts, events, log } = deps;
  const chains = new Map<AccountId, Promise<void>>();
  const waiting = new Map<string, Array<(e: OutboxEntry) => void>>();
  const isHosted = (accountId: AccountId) => accounts.list().some(a => a.id === accountId);

  const settle = (clientMessageId: ClientMessageId) => {
    const entry = store.getOutboxEntry(clientMessageId);
    if (!entry || (entry.state !== 'sent' && entry.state !== 'failed')) return;
    for (const resolve of waiting.get(clientMessageId) ?? []) resolve(entry);
    waiting.delete(clientMessageId);
  };

  for (const entry of store.listPendingOutbox()) {
    // Relayed sends are idempotent on the server, so only a local provider send is in doubt.
    if (entry.state === 'sending' && isHosted(entry.accountId)) {
      store.markOutboxFailed(
        entry.clientMessageId,
        'The app closed while this was being sent. Check the chat, then retry if it did not arrive.',
      );
    }
  }

  const announce = (clientMessageId: ClientMessageId, chatId: ChatId) => {
    const message = messageOfClientId(clientMessageId);
    if (message) events.emit('messages:updated', { messages: [message] });
    const chat = store.getChat(chatId);
    if (chat) events.emit('chats:changed', { chats: [chat] });
  };

  const messageOfClientId = (clientMessageId: ClientMessageId): Message | null => {
    const entry = store.getOutboxEntry(clientMessageId);
    if (!entry) return null;
    const providerId = entry.providerMessageId ?? localProviderId(clientMessageId);
    return store.getMessages([`${entry.accountId}:${providerId}` as MessageId])[0] ?? null;
  };

  const isReady = (accountId: AccountId) => {
    if (isHosted(accountId)) return accounts.list().some(a => a.id === accountId && a.state === 'ready');
    return deps.relay?.()?.isOnline() === true;
  };

  async function relayOne(entry: OutboxEntry, route: RelayRoute): Promise<void> {
    if (entry.state === 'queued' && !store.markOutboxSending(entry.clientMessageId)) return;
    try {
      const refused = await route.send(entry, entry.chatId, entry.payload.quotedProviderMessageId);
      if (refused) store.markOutboxFailed(entry.clientMessageId, refused.failed);
    } catch (err) {
      // Stays 'sending': it is handed to the server again when the link is back (at least once).
      log.warn('relay send not delivered to the server yet', {
        clientMessageId: entry.clientMessageId,
        err: String(err),
      });
    }
    announce(entry.clientMessageId, entry.chatId);
  }

  async function sendOne(clientMessageId: ClientMessageId): Promise<void> {
    const entry = store.markOutboxSending(clientMessageId);
    if (!entry) return;
    const chat = store.getChat(entry.chatId);
    if (!chat) {
      store.markOutboxFailed(clientMessageId, 'The chat no longer exists on this device.');
      return;
    }
    const p = entry.payload;
    try {
      const sent =
        p.media?.localPath && p.type !== 'text'
          ? await accounts.request(entry.accountId, {
              op: 'sendMedia',
              chatJid: chat.jid,
              kind: p.type === 'voice' ? 'voice' : kindOf(p.media.mimeType),
              path: p.media.localPath,
              mimeType: p.media.mimeType,
              fileName: p.media.fileName,
              caption: p.caption,
              quotedProviderMessageId: p.quotedProviderMessageId,
              clientMessageId,
            })
          : await accounts.request(entry.accountId, {
              op: 'sendText',
              chatJid: chat.jid,
              text: p.body ?? '',
              quotedProviderMessageId: p.quotedProviderMessageId,
              clientMessageId,
            });
      store.confirmOutboxSent(clientMessageId, sent.providerMessageId);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      log.warn('send failed', { clientMessageId, accountId: entry.accountId, reason });
      store.markOutboxFailed(clientMessageId, reason);
    }
    announce(clientMessageId, entry.chatId);
    settle(clientMessageId);
  }

  function drain(accountId: AccountId): void {
    if (!isReady(accountId)) return;
    const previous = chains.get(accountId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const route = isHosted(accountId) ? null : (deps.relay?.() ?? null);
      for (const entry of store.listPendingOutbox(accountId)) {
        if (!isReady(accountId)) return; // went offline: the rest waits for the next ready
        if (route) await relayOne(entry, route);
        else if (entry.state === 'queued') await sendOne(entry.clientMessageId);
      }
    });
    chains.set(
      accountId,
      next.catch(err => log.error('outbox drain failed', { accountId, err: String(err) })),
    );
  }

  /**
   * Replying to a customer from another of our numbers targets that number's chat with the
   * same person, which may not exist yet: it is created with the first message. Only
   * one-to-one chats qualify; a group belongs to the numbers that are in it. A customer
   * known by a privacy id (@lid) is reached at their phone jid when one of our numbers
   * learned the pair (lid_map); with the lid alone another number is refused before
   * anything is queued (`lid_only`): WhatsApp Web only knows the lids of people that
   * number already talks to, so the send would fail or never arrive (docs/accounts.md).
   */
  function newChatWithCustomer(chatId: ChatId): { id: ChatId; accountId: AccountId; jid: string } {
    const account = accounts.list().find(a => chatId.startsWith(`${a.id}:`));
    let jid = account ? chatId.slice(account.id.length + 1) : '';
    if (account && LID_JID.test(jid)) {
      const phone = store.phoneOfLid(jid);
      if (!phone)
        throw new CommandError(
          'lid_only',
          'This customer is known only by a hidden number: reply from the number they wrote to.',
          {
            reason: 'lid_only',
          },
        );
      jid = phone;
      const known = store.getChat(chatIdOf(account.id, jid));
      if (known) return known;
    }
    if (!account || !/^\d{5,20}@(c\.us|s\.whatsapp\.net)$/.test(jid)) {
      throw new CommandError('not_found', 'This chat is not on this device.');
    }
    return { id: chatIdOf(account.id, jid), accountId: account.id, jid };
  }

  return {
    send(req) {
      const chat = store.getChat(req.chatId) ?? newChatWithCustomer(req.chatId);
      let quotedProviderMessageId: string | null = null;
      if (req.quotedMessageId) {
        const quoted = store.getMessages([req.quotedMessageId as MessageId])[0];
        if (!quoted) throw new CommandError('not_found', 'The message you replied to is gone.');
        // WhatsApp can only quote within one chat; from another number the reply goes unquoted.
        if (quoted.chatId === chat.id) quotedProviderMessageId = quoted.providerMessageId;
      }
      const clientMessageId = asClientMessageId(req.clientMessageId ?? randomUUID());
      const existing = store.getOutboxEntry(clientMessageId);
      if (existing) {
        // The same call again (a retry after a lost answer): answer with what was stored.
        const message = messageOfClientId(clientMessageId);
        if (message) return message;
      }
      const text = req.text.trim() === '' ? null : req.text;
      const file = req.file ?? null;
      const kind = file
        ? req.voice === true && file.mimeType.startsWith('audio/')
          ? 'voice'
          : kindOf(file.mimeType)
        : null;
      const enqueued = store.enqueueOutgoing({
        clientMessageId,
        accountId: chat.accountId,
        chatJid: chat.jid,
        payload: {
          type: kind ?? 'text',
          body: kind ? null : text,
          caption: kind ? text : null,
          media: file
            ? {
                mimeType: file.mimeType,
                fileName: file.fileName,
                size: file.size,
                sha256: file.sha256,
                localPath: file.path,
              }
            : null,
          quotedProviderMessageId,
        },
      });
      events.emit('messages:received', { messages: [enqueued.message] });
      events.emit('chats:changed', { chats: [enqueued.chat] });
      drain(chat.accountId);
      return enqueued.message;
    },
    retry(clientMessageId) {
      const entry = store.requeueOutbox(clientMessageId);
      if (!entry) throw new CommandError('conflict', 'Only a failed message can be retried.');
      announce(clientMessageId, entry.chatId);
      drain(entry.accountId);
      const message = messageOfClientId(clientMessageId);
      if (!message) throw new CommandError('not_found', 'The message is gone.');
      return message;
    },
    drain,
    drainAll() {
      const ids = new Set(store.listPendingOutbox().map(e => e.accountId));
      for (const id of ids) drain(id);
    },
    settled(clientMessageId) {
      return new Promise(resolve => {
        const list = waiting.get(clientMessageId) ?? [];
        list.push(resolve);
        waiting.set(clientMessageId, list);
        settle(clientMessageId);
      });
    },
    async idle() {
      await Promise.all(chains.values());
    },
  };
}
