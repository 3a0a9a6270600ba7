/**
 * Drafts per chat (text, reply-to, attachment, chosen number) and sending. A message is
 * shown at once as 'pending' with its client message id; the core's answer or a later
 * event replaces it; a refusal marks it 'failed' with a retry that reuses the same id.
 */
import { create } from 'zustand';
import type { AccountId, Chat, ChatId, Message, MessageType } from '../../../common/domain';
import { asClientMessageId, asMessageId, chatIdOf } from '../../../common/domain';
import { newClientId } from '../lib/ids';
import type { StagedFile } from '../api/files';
import type { SendArgs } from './core';
import { core } from './core';
import { useConversation } from './conversation';

export type Attachment = {
  readonly mimeType: string;
  readonly fileName: string;
  readonly voice: boolean;
  /** Where the core finds the file (path, upload or inline bytes). */
  readonly staged: StagedFile;
  readonly size: number;
  readonly previewUrl: string | null;
};

export type Draft = {
  readonly text: string;
  readonly replyTo: Message | null;
  readonly attachment: Attachment | null;
  /** The number to send from when the agent picked another one than the chat's. */
  readonly sendAs: AccountId | null;
};

const emptyDraft: Draft = { text: '', replyTo: null, attachment: null, sendAs: null };
const TEXT_KEY = 'blazz.drafts';

function loadTexts(): Record<string, string> {
  try {
    const v = JSON.parse(localStorage.getItem(TEXT_KEY) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

type ComposerState = {
  drafts: Readonly<Record<string, Draft>>;
  draft(chatId: ChatId): Draft;
  setText(chatId: ChatId, text: string): void;
  setReplyTo(chatId: ChatId, message: Message | null): void;
  setAttachment(chatId: ChatId, attachment: Attachment | null): void;
  setSendAs(chatId: ChatId, accountId: AccountId | null): void;
  /**
   * Sends the draft of `chat`; resolves to the chat it went to, or null when there was
   * nothing to send or the core refused before queuing (see `refusal`).
   */
  send(chat: Chat, text: string): Promise<ChatId | null>;
  /**
   * The last send from this chat the core refused before queuing it, by code: `lid_only`
   * (the customer's number is hidden and another of our numbers cannot reach them). The
   * draft is kept; cleared by the next send that goes through.
   */
  refusal: { readonly chatId: ChatId; readonly code: 'lid_only' } | null;
  retry(message: Message): Promise<void>;
};

/** Pictures the agent attached here, shown in their bubble before the core stored them. */
export const localPreviews = new Map<string, string>();

// Arguments of sends not yet confirmed, by client id: a retry repeats them exactly.
const pending = new Map<string, SendArgs>();

function mediaType(mime: string): MessageType {
  if (mime.startsWith('image/')) return 'image';
  if (mime.startsWith('video/')) return 'video';
  if (mime.startsWith('audio/')) return 'audio';
  return 'document';
}

export const useComposer = create<ComposerState>((set, get) => {
  const texts = loadTexts();
  const initial: Record<string, Draft> = {};
  for (const [id, text] of Object.entries(texts)) if (typeof text === 'string') initial[id] = { ...emptyDraft, text };

  const patch = (chatId: ChatId, p: Partial<Draft>) => {
    const drafts = { ...get().drafts, [chatId]: { ...get().draft(chatId), ...p } };
    set({ drafts });
    if ('text' in p) {
      const saved: Record<string, string> = {};
      for (const [id, d] of Object.entries(drafts)) if (d.text) saved[id] = d.text.slice(0, 20_000);
      try {
        localStorage.setItem(TEXT_KEY, JSON.stringify(saved));
      } catch {
        // quota: the draft still lives in memory
      }
    }
  };

  /** The chat the core queued the message in (a lid may resolve to the phone chat), or the refusal's code. */
  const dispatch = async (args: SendArgs): Promise<{ chatId: ChatId } | { code: string }> => {
    pending.set(args.clientMessageId, args);
    const r = await core.send(args);
    if (r.ok) {
      pending.delete(args.clientMessageId);
      useConversation.getState().merge([r.value]);
      return { chatId: r.value.chatId };
    }
    useConversation.getState().markFailed(args.chatId, args.clientMessageId);
    return { code: r.error.code };
  };

  return {
    refusal: null,
    drafts: initial,
    draft: chatId => get().drafts[chatId] ?? emptyDraft,
    setText: (chatId, text) => patch(chatId, { text }),
    setReplyTo: (chatId, replyTo) => patch(chatId, { replyTo }),
    setAttachment: (chatId, attachment) => patch(chatId, { attachment }),
    setSendAs: (chatId, sendAs) => patch(chatId, { sendAs }),
    async send(chat, text) {
      const d = get().draft(chat.id);
      const body = text.trim();
      if (!body && !d.attachment) return null;
      const clientMessageId = newClientId();
      // A group is reached only through its own number (sender-choices.ts).
      const accountId = chat.isGroup ? chat.accountId : (d.sendAs ?? chat.accountId);
      // From another of our numbers, the reply goes to that number's chat with the same customer.
      const chatId = accountId === chat.accountId ? chat.id : chatIdOf(accountId, chat.jid);
      if (d.attachment?.previewUrl) localPreviews.set(clientMessageId, d.attachment.previewUrl);
      const args: SendArgs = {
        chatId,
        clientMessageId,
        text: body,
        quotedMessageId: d.replyTo && chatId === chat.id ? d.replyTo.id : null,
        attachment: d.attachment
          ? {
              mimeType: d.attachment.mimeType,
              fileName: d.attachment.fileName,
              voice: d.attachment.voice,
              ...d.attachment.staged,
            }
          : null,
      };
      const local: Message = {
        id: asMessageId(`local:${clientMessageId}`),
        accountId,
        chatId,
        providerMessageId: '',
        fromMe: true,
        author: null,
        authorName: null,
        type: d.attachment ? (d.attachment.voice ? 'voice' : mediaType(d.attachment.mimeType)) : 'text',
        body: d.attachment ? null : body,
        caption: d.attachment ? body || null : null,
        media: d.attachment
          ? {
              mimeType: d.attachment.mimeType,
              fileName: d.attachment.fileName,
              size: d.attachment.size,
              sha256: null,
              localPath: null,
              width: null,
              height: null,
              durationS: null,
              thumbnail: null,
            }
          : null,
        location: null,
        vcard: null,
        quotedProviderMessageId: d.replyTo?.providerMessageId ?? null,
        timestamp: Date.now(),
        ack: 'pending',
        edited: false,
        revoked: false,
        reactions: [],
        clientMessageId: asClientMessageId(clientMessageId),
      };
      useConversation.getState().addLocal(local);
      patch(chat.id, { text: '', replyTo: null, attachment: null });
      const sent = await dispatch(args);
      if ('code' in sent && sent.code === 'lid_only') {
        // Nothing was queued: the agent keeps what they wrote and reads why (Composer.tsx).
        pending.delete(args.clientMessageId);
        patch(chat.id, { text: body, replyTo: d.replyTo, attachment: d.attachment });
        set({ refusal: { chatId: chat.id, code: 'lid_only' } });
        return null;
      }
      if (get().refusal?.chatId === chat.id) set({ refusal: null });
      return 'chatId' in sent ? sent.chatId : chatId;
    },
    async retry(message) {
      const cid = message.clientMessageId;
      if (cid && pending.has(cid)) {
        const args = pending.get(cid);
        useConversation.getState().merge([{ ...message, ack: 'pending' }]);
        if (args) await dispatch(args);
        return;
      }
      if (!cid) return;
      // Stored by the core as failed: ask it to send again.
      const r = await core.retry(cid);
      if (r.ok) useConversation.getState().merge([r.value]);
    },
  };
});
