/**
 * Edit and "Delete for everyone" on our own bubble, as WhatsApp offers them: only for a
 * number connected on this desktop (a teammate's or a Cloud API number cannot: the phone
 * session that sent the message is elsewhere), only within WhatsApp's windows. The result
 * comes back through the phone's edit or revoke event, like a customer's.
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { KeyboardEvent } from 'react';
import type { Message } from '../../../../common/domain';
import { editRefusal, revokeRefusal } from '../../../../common/message-actions';
import { capabilitiesOf } from '../../../../common/providers';
import type { ReplyError } from '../../../../common/result';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { OwnMessageKey } from '../../i18n/own-message.en';
import { ownMessageEn } from '../../i18n/own-message.en';
import { ownMessageId } from '../../i18n/own-message.id';
import { useAccounts } from '../../stores/accounts';
import { core } from '../../stores/core';

const dictionaries: Dictionaries<OwnMessageKey> = { en: ownMessageEn, id: ownMessageId };
const CODES = ['not_found', 'forbidden', 'invalid_args', 'too_late', 'unavailable'] as const;

export const useOwnMessageT = () => useDictionary(dictionaries);

/** The words for a refused edit or delete, by its code. */
export function ownMessageErrorText(t: Translator<OwnMessageKey>, error: Pick<ReplyError, 'code'>): string {
  const code = CODES.find(c => c === error.code);
  return code ? t(`ownMessage.error.${code}`) : t('ownMessage.error.other', { code: error.code.slice(0, 40) });
}

/** Which actions this bubble offers now: the number is hosted here and ready, and the window is open. */
export function useOwnMessageActions(m: Message): { readonly edit: boolean; readonly del: boolean } {
  const hostedReady = useAccounts(s => {
    const a = s.byId.get(m.accountId);
    return a !== undefined && !a.remote && capabilitiesOf(a.provider).hostedBy === 'desktop' && a.state === 'ready';
  });
  if (!hostedReady || !m.fromMe) return { edit: false, del: false };
  const now = Date.now();
  return { edit: editRefusal(m, now) === null, del: revokeRefusal(m, now) === null };
}

/** The "more" button on our bubble and its menu: Edit, Delete for everyone (after a confirmation). */
export function OwnMessageMenu(p: {
  readonly message: Message;
  readonly canEdit: boolean;
  readonly canDelete: boolean;
  readonly onEdit: () => void;
}) {
  const t = useOwnMessageT();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setConfirming(false);
    const reply = await core.deleteMessage(p.message.id);
    setError(reply.ok ? null : ownMessageErrorText(t, reply.error));
  };
  return (
    <span className="reaction-picker own-message-menu">
      <button
        type="button"
        className="icon-button"
        aria-label={t('ownMessage.menu')}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(o => !o)}
      >
        <Icon name="more" />
      </button>
      {open && (
        <span role="menu" className="reaction-menu" onKeyDown={e => e.key === 'Escape' && setOpen(false)}>
          {p.canEdit && (
            <button type="button" role="menuitem" className="small" onClick={() => (setOpen(false), p.onEdit())}>
              {t('ownMessage.edit')}
            </button>
          )}
          {p.canDelete && (
            <button
              type="button"
              role="menuitem"
              className="small danger-text"
              onClick={() => (setOpen(false), setConfirming(true))}
            >
              {t('ownMessage.delete')}
            </button>
          )}
        </span>
      )}
      {/* On the page, not in the bubble: the list's rows are transformed, which would clip and move a fixed dialog. */}
      {confirming &&
        createPortal(
          <ConfirmDialog
            title={t('ownMessage.deleteTitle')}
            confirmLabel={t('ownMessage.delete')}
            danger
            onConfirm={() => void remove()}
            onCancel={() => setConfirming(false)}
          >
            {t('ownMessage.deleteBody')}
          </ConfirmDialog>,
          document.body,
        )}
      {error && (
        <span role="alert" className="error-text small">
          {error}
        </span>
      )}
    </span>
  );
}

/** The bubble's text as an editor: Enter saves, Shift+Enter is a new line, Esc cancels. */
export function OwnMessageEditor(p: { readonly message: Message; readonly onDone: () => void }) {
  const t = useOwnMessageT();
  const [text, setText] = useState(p.message.body ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (text.trim() === '' || busy) return;
    if (text === p.message.body) return p.onDone();
    setBusy(true);
    const reply = await core.editMessage(p.message.id, text);
    setBusy(false);
    if (reply.ok) p.onDone();
    else setError(ownMessageErrorText(t, reply.error));
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      p.onDone();
    } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void save();
    }
  };
  return (
    <div className="own-message-editor">
      <textarea
        aria-label={t('ownMessage.editLabel')}
        value={text}
        disabled={busy}
        maxLength={65_536}
        autoFocus
        rows={Math.min(6, Math.max(2, text.split('\n').length))}
        onChange={e => setText(e.target.value)}
        onKeyDown={onKey}
      />
      <div className="own-message-editor-actions small">
        <span className="muted">{t('ownMessage.editHint')}</span>
        <button type="button" onClick={p.onDone} disabled={busy}>
          {t('ownMessage.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void save()} disabled={busy || text.trim() === ''}>
          {t('ownMessage.save')}
        </button>
      </div>
      {error && (
        <span role="alert" className="error-text small">
          {error}
        </span>
      )}
    </div>
  );
}
