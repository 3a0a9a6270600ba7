import { useState } from 'react';
import { Icon } from '../../components/Icon';
import type { TFunction } from '../../i18n';

/** WhatsApp's own quick reactions; an empty emoji removes ours. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

type Props = {
  readonly t: TFunction;
  /** Resolves to an error message to show, or null when the reaction went out. */
  readonly onReact: (emoji: string) => Promise<string | null>;
  /** Whether this number has reacted to the message: only then can a reaction be removed. */
  readonly hasMine: boolean;
};

/**
 * Whether one of the reactions is this number's own: WhatsApp names the reacting person by
 * jid, and ours carries the number's phone (in `@c.us` or `@s.whatsapp.net` spelling).
 */
export function hasOwnReaction(
  reactions: readonly { readonly senderJid: string; readonly emoji: string }[],
  ownPhone: string | null,
): boolean {
  if (!ownPhone) return false;
  const digits = ownPhone.replace(/\D/g, '');
  return reactions.some(r => r.emoji !== '' && r.senderJid.split('@')[0]?.split(':')[0] === digits);
}

/** The bubble's "React" button and its small menu of quick reactions. */
export function ReactionPicker({ t, onReact, hasMine }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const choose = async (emoji: string) => {
    setBusy(true);
    const failed = await onReact(emoji);
    setBusy(false);
    setError(failed);
    if (!failed) setOpen(false);
  };
  return (
    <span className="reaction-picker">
      <button
        type="button"
        className="icon-button"
        aria-label={t('message.react')}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(o => !o)}
      >
        <Icon name="smile" />
      </button>
      {open && (
        <span
          role="menu"
          className="reaction-menu"
          aria-label={t('message.react')}
          onKeyDown={e => e.key === 'Escape' && setOpen(false)}
        >
          {QUICK_REACTIONS.map(emoji => (
            <button
              key={emoji}
              type="button"
              role="menuitem"
              disabled={busy}
              aria-label={t('message.reactWith', { emoji })}
              onClick={() => void choose(emoji)}
            >
              {emoji}
            </button>
          ))}
          {hasMine && (
            <button type="button" role="menuitem" className="small" disabled={busy} onClick={() => void choose('')}>
              {t('message.reactRemove')}
            </button>
          )}
        </span>
      )}
      {error && (
        <span role="alert" className="error-text small">
          {error}
        </span>
      )}
    </span>
  );
}
