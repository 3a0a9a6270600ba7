/**
 * Edit and "Delete for everyone" on our own bubble, as WhatsApp offers them: for a number
 * connected on this desktop, and for a teammate's desktop number (the server relays the
 * change to the desktop that hosts it, queued while that desktop is offline); never for a
 * Cloud API number (Graph cannot change a sent message). Only within WhatsApp's windows.
 * The result comes back through the phone's edit or revoke event, like a customer's.
 */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { KeyboardEvent } from 'react';
import type { AccountId, Message } from '../../../../common/domain';
import { editRefusal, revokeRefusal } from '../../../../common/message-actions';
import { capabilitiesOf } from '../../../../common/providers';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/Icon';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { OwnMessageKey } from '../../i18n/own-message.en';
import { ownMessageEn } from '../../i18n/own-message.en';
import { ownMessageId } from '../../i18n/own-message.id';
import { useAccounts } from '../../stores/accounts';
import { core } from '../../stores/core';
import { useRelayedChanges } from './relayed-changes';

const dictionaries: Dictionaries<OwnMessageKey> = { en: ownMessageEn, id: ownMessageId };
const CODES = ['not_found', 'forbidden', 'invalid_args', 'too_late', 'unavailable', 'unsupported'] as const;

export const useOwnMessageT = () => useDictionary(dictionaries);

/** The words for a refused edit or delete, by its code. */
export function ownMessageErrorText(t: Translator<OwnMessageKey>, error: { readonly code: string }): string {
  const code = CODES.find(c => c === error.code);
  return code ? t(`ownMessage.error.${code}`) : t('ownMessage.error.other', { code: error.code.slice(0, 40) });
}

/**
 * Which actions this bubble offers now: a desktop number (hosted here and ready, or a
 * teammate's, whose host applies it when online) and the window is open.
 */
export function useOwnMessageActions(m: Message): { readonly edit: boolean; readonly del: boolean } {
  const changeable = useAccounts(s => {
    const a = s.byId.get(m.accountId);
    if (a === undefined || capabilitiesOf(a.provider).hostedBy !== 'desktop') return false;
    return a.remote?.hostedBy === 'teammate' || (a.remote === undefined && a.state === 'ready');
  });
  if (!changeable || !m.fromMe) return { edit: false, del: false };
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
  const relayed = useRelayedNumber(p.message.accountId);
  const remove = async () => {
    setConfirming(false);
    const reply = await core.deleteMessage(p.message.id);
    setError(reply.ok ? null : ownMessageErrorText(t, reply.error));
    if (reply.ok && relayed) useRelayedChanges.getState().queued(p.message.id, 'delete');
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
  const relayed = useRelayedNumber(p.message.accountId);
  const save = async () => {
    if (text.trim() === '' || busy) return;
    if (text === p.message.body) return p.onDone();
    setBusy(true);
    const reply = await core.editMessage(p.message.id, text);
    setBusy(false);
    if (reply.ok && relayed) useRelayedChanges.getState().queued(p.message.id, 'edit');
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

/** A teammate's number: a change goes through the server to the desktop that hosts it. */
const useRelayedNumber = (accountId: AccountId): boolean =>
  useAccounts(s => s.byId.get(accountId)?.remote?.hostedBy === 'teammate');

/** Under a bubble whose relayed edit or delete waits for the number's desktop, or was refused by it. */
export function RelayedChangeNote(p: { readonly messageId: string }) {
  const t = useOwnMessageT();
  const change = useRelayedChanges(s => s.byMessage.get(p.messageId));
  if (!change) return null;
  if (change.state === 'queued')
    return (
      <p className="small muted" role="status" data-testid="relayed-change">
        {t(change.kind === 'edit' ? 'ownMessage.relayed.edit' : 'ownMessage.relayed.delete')}
      </p>
    );
  return (
    <p className="small error-text" role="alert" data-testid="relayed-change">
      {t('ownMessage.relayed.failed', { reason: ownMessageErrorText(t, { code: change.error ?? 'unavailable' }) })}
    </p>
  );
}
