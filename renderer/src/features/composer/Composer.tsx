import { useEffect, useMemo, useRef, useState } from 'react';
import { useChatName } from '../../lib/chat-name';
import type { Chat } from '../../../../common/domain';
import { capabilitiesOf } from '../../../../common/providers';
import { messagePreview, usePreviewT } from '../../lib/preview';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { expandTemplate, firstName, matchTemplates, shortcutQuery } from '../../lib/templates';
import { stripBidi } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { useComposer } from '../../stores/composer';
import { useConversation } from '../../stores/conversation';
import { core } from '../../stores/core';
import { useInbox } from '../../stores/inbox';
import { useSettings } from '../../stores/settings';
import { useTemplates } from '../../stores/templates';
import { NoTemplatesHint } from './NoTemplatesHint';
import { formatBytes } from '../conversation/media';
import { attachmentKindOf, overNumberLimit, providerLimitOf, readAttachment } from './attachments';
import { VoiceRecorder } from './VoiceRecorder';
import { useAttachHints } from './attach-hints';
import { EmojiPicker } from './EmojiPicker';
import { SendingAs } from './SendingAs';
import { TemplateSuggestions } from './TemplateSuggestions';
import { Icon } from '../../components/Icon';
import { ReplyWarning, useReplyGuard } from '../handover';
import { RewriteTools, SuggestionChips, firstChip } from '../ai/chat';
import { ServiceWindowNotice, useServiceWindow } from '../cloud';

/** Multi-line composer: Enter sends (or Ctrl+Enter), /shortcuts, emoji, files, replies. */
export function Composer({ chat }: { readonly chat: Chat }) {
  const t = useT();
  const chatName = useChatName();
  const th = useAttachHints();
  const pt = usePreviewT();
  const draft = useComposer(s => s.drafts[chat.id]) ?? useComposer.getState().draft(chat.id);
  const lidOnly = useComposer(s => s.refusal?.chatId === chat.id && s.refusal.code === 'lid_only');
  const { setText, setReplyTo, setAttachment, setSendAs, send } = useComposer.getState();
  const byId = useAccounts(s => s.byId);
  const sendKey = useSettings(s => s.sendKey);
  const agentName = useSettings(s => s.agentName);
  const templates = useTemplates(s => s.templates);
  const input = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(0);
  const [emojiOpen, setEmojiOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  /** A recorded voice note waiting for "Send anyway" (it would leave from another number). */
  const [pendingVoice, setPendingVoice] = useState<Blob | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** The name of a file being handed to the core (uploaded to the host, read…). */
  const [preparing, setPreparing] = useState<string | null>(null);
  const guard = useReplyGuard(chat);
  const serviceWindow = useServiceWindow(chat);
  // Outside Meta's 24-hour window the number may not send free text (templates only).
  const windowClosed =
    serviceWindow !== null && !serviceWindow.open && (draft.sendAs ?? chat.accountId) === chat.accountId;

  // A group is reached only through its own number, whatever a draft chose (sender-choices.ts).
  const from = byId.get(chat.isGroup ? chat.accountId : (draft.sendAs ?? chat.accountId));
  const chatAccount = byId.get(chat.accountId);
  const query = shortcutQuery(draft.text);
  const suggestions = useMemo(() => (query === null ? [] : matchTemplates(templates, query)), [templates, query]);

  useEffect(() => {
    if (query !== null) void useTemplates.getState().load();
    setActive(0);
  }, [query]);
  useEffect(() => {
    input.current?.focus();
  }, [chat.id]);

  const vars = {
    'contact.name': stripBidi(chatName(chat)),
    'contact.firstName': firstName(stripBidi(chatName(chat))),
    'agent.name': agentName || t('agent.defaultName'),
    'account.name': stripBidi(from?.name ?? ''),
  };
  const applyTemplate = (i: number) => {
    const tpl = suggestions[i];
    if (!tpl) return;
    setText(chat.id, expandTemplate(tpl.body, vars));
    input.current?.focus();
  };
  const doSend = async () => {
    setConfirming(false);
    const target = await send(chat, draft.text);
    if (target) setError(null);
    // Sent from another of our numbers: the conversation continues in that number's chat.
    if (target && target !== chat.id) {
      const r = await core.getChat(target);
      if (r.ok) {
        useInbox.getState().select(r.value);
        void useConversation.getState().open(target);
      }
    }
    input.current?.focus();
  };
  // warned: the user already said "Send anyway" to the assignee warning of this chat-open.
  const trySend = (warned = false) => {
    if (!draft.text.trim() && !draft.attachment) return;
    // A file still being prepared goes with this text: sending now would split them.
    if (windowClosed || preparing !== null) return;
    if (!warned && guard.holds()) return;
    if (from && from.id !== chat.accountId) setConfirming(true);
    else void doSend();
  };
  /** Checks the number's limit, then hands the file to the core; resolves true when it is attached. */
  const attach = async (file: Blob | undefined, name?: string, voice = false): Promise<boolean> => {
    if (!file) return false;
    const mimeType = file.type || 'application/octet-stream';
    if (overNumberLimit(file, from?.provider)) {
      const max = formatBytes(providerLimitOf(from?.provider, mimeType));
      const kind = attachmentKindOf(mimeType);
      setError(th('composerHints.attachOverNumber', { max, kind: th(`composerHints.kind.${kind}`) }));
      return false;
    }
    setPreparing(name ?? (file instanceof File ? file.name : ''));
    const r = await readAttachment(file, name, voice);
    setPreparing(null);
    if (typeof r === 'string') {
      setError(t(r));
      return false;
    }
    setError(null);
    setAttachment(chat.id, r);
    return true;
  };
  /**
   * A voice note goes at once, without a caption; what was typed stays in the composer. From
   * another number than the customer wrote to, it asks first, as a typed reply does.
   */
  const sendVoice = async (ogg: Blob, confirmed = false) => {
    if (windowClosed) return;
    if (!confirmed && from && from.id !== chat.accountId) {
      setPendingVoice(ogg);
      setConfirming(true);
      return;
    }
    const typed = useComposer.getState().draft(chat.id).text;
    const name = `${th('composerHints.voice.note')} ${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.ogg`;
    if (!(await attach(ogg, name, true))) return;
    await send(chat, '');
    if (typed) setText(chat.id, typed);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length > 0) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        setActive(a => (a + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        applyTemplate(active);
        return;
      }
    }
    // Tab in an empty composer takes the first suggested reply; it is never sent by itself.
    const chip = e.key === 'Tab' && !e.shiftKey && !draft.text ? firstChip(chat.id) : null;
    if (chip) {
      e.preventDefault();
      setText(chat.id, chip);
      return;
    }
    if (e.key === 'Escape' && (draft.replyTo || query !== null)) {
      e.stopPropagation();
      if (query !== null) setText(chat.id, '');
      else setReplyTo(chat.id, null);
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.altKey) return;
    const ctrl = e.ctrlKey || e.metaKey;
    if (sendKey === 'ctrlEnter' && !ctrl) return;
    e.preventDefault();
    trySend();
  };

  const insert = (s: string) => {
    const el = input.current;
    const start = el?.selectionStart ?? draft.text.length;
    const end = el?.selectionEnd ?? draft.text.length;
    setText(chat.id, draft.text.slice(0, start) + s + draft.text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + s.length, start + s.length);
    });
  };

  return (
    <div className="composer">
      <SuggestionChips
        chatId={chat.id}
        onPick={text => {
          setText(chat.id, text);
          input.current?.focus();
        }}
      />
      <SendingAs chat={chat} from={from} onChange={id => setSendAs(chat.id, id === chat.accountId ? null : id)} />
      {draft.replyTo && (
        <div className="composer-context" aria-label={t('composer.replyingTo')}>
          <span className="small">
            <Icon name="reply" size={12} /> {t('composer.replyingTo')}{' '}
            <strong>
              {draft.replyTo.fromMe ? t('message.you') : <SafeText text={draft.replyTo.authorName ?? chatName(chat)} />}
            </strong>
            : <SafeText text={messagePreview(pt, draft.replyTo)} />
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('composer.cancelReply')}
            onClick={() => setReplyTo(chat.id, null)}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
      {draft.attachment && (
        <div className="composer-context" aria-label={t('composer.attachment')}>
          {draft.attachment.previewUrl && <img src={draft.attachment.previewUrl} alt="" className="attach-thumb" />}
          <span className="small">
            <Icon name="attach" size={12} /> <SafeText text={draft.attachment.fileName} /> ·{' '}
            {formatBytes(draft.attachment.size)}
          </span>
          <button
            type="button"
            className="icon-button"
            aria-label={t('composer.removeAttachment')}
            onClick={() => setAttachment(chat.id, null)}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
      {preparing !== null && (
        <p role="status" className="small">
          {th('composerHints.preparing', { name: preparing })}
        </p>
      )}
      {error && (
        <p role="alert" className="error-text small">
          {error}
        </p>
      )}
      {lidOnly && (
        <p role="alert" className="error-text small" data-testid="lid-only">
          {t('composer.lidOnly')}
        </p>
      )}
      <ReplyWarning chat={chat} guard={guard} onSend={() => trySend(true)} />
      {serviceWindow && <ServiceWindowNotice chat={chat} window={serviceWindow} />}
      {query !== null && templates.length === 0 && <NoTemplatesHint />}
      {suggestions.length > 0 && (
        <TemplateSuggestions templates={suggestions} active={active} vars={vars} onPick={applyTemplate} />
      )}
      {emojiOpen && <EmojiPicker onPick={insert} onClose={() => setEmojiOpen(false)} />}
      <div className="composer-row">
        {(!from || capabilitiesOf(from.provider).attachments) && (
          <button
            type="button"
            className="icon-button"
            aria-label={t('composer.attach')}
            title={
              from
                ? th('composerHints.attachLimit', {
                    image: formatBytes(providerLimitOf(from.provider, 'image/jpeg')),
                    document: formatBytes(providerLimitOf(from.provider, 'application/pdf')),
                  })
                : t('composer.attach')
            }
            onClick={() => fileInput.current?.click()}
          >
            <Icon name="attach" size={18} />
          </button>
        )}
        {(!from || capabilitiesOf(from.provider).attachments) && (
          <VoiceRecorder onRecorded={ogg => void sendVoice(ogg)} onError={setError} />
        )}
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label={t('composer.attach')}
          onChange={e => {
            void attach(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        <button
          type="button"
          className="icon-button"
          aria-label={t('composer.emoji')}
          aria-expanded={emojiOpen}
          onClick={() => setEmojiOpen(o => !o)}
        >
          <Icon name="smile" size={18} />
        </button>
        <RewriteTools chatId={chat.id} draft={draft.text} onAccept={text => setText(chat.id, text)} />
        <textarea
          id="composer-input"
          ref={input}
          rows={1}
          value={draft.text}
          placeholder={t(sendKey === 'enter' ? 'composer.placeholder' : 'composer.placeholderCtrl')}
          aria-label={t('composer.input')}
          aria-autocomplete="list"
          aria-controls={suggestions.length > 0 ? 'template-suggestions' : undefined}
          onChange={e => setText(chat.id, e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={e => {
            const file = e.clipboardData.files[0];
            if (file) {
              e.preventDefault();
              void attach(file);
            }
          }}
          maxLength={65_536}
        />
        <button
          type="button"
          className="primary send"
          onClick={() => trySend()}
          disabled={windowClosed || preparing !== null || (!draft.text.trim() && !draft.attachment)}
        >
          {t('composer.send')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('composer.wrongNumber.title')}
          confirmLabel={t('composer.wrongNumber.confirm', { account: stripBidi(from?.name ?? '') })}
          onCancel={() => {
            setConfirming(false);
            setPendingVoice(null);
          }}
          onConfirm={() => {
            if (!pendingVoice) return void doSend();
            setConfirming(false);
            setPendingVoice(null);
            void sendVoice(pendingVoice, true);
          }}
        >
          {t('composer.wrongNumber.body', {
            customer: stripBidi(chatName(chat)),
            wrote: stripBidi(chatAccount?.name ?? ''),
            from: stripBidi(from?.name ?? ''),
          })}
        </ConfirmDialog>
      )}
    </div>
  );
}
