import { useState } from 'react';
import { Icon } from '../../components/Icon';
import type { TFunction } from '../../i18n';

/** WhatsApp's own quick reactions; an empty emoji removes ours. */
export const QUICK_REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'] as const;

type Props = {
  readonly t: TFunction;
  /** Resolves to an error message to show, or null when the reaction went out. */
  readonly onReact: (emoji: string) => Promise<string | null>;
};

/** The bubble's "React" button and its small menu of quick reactions. */
export function ReactionPicker({ t, onReact }: Props) {
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
          <button type="button" role="menuitem" className="small" disabled={busy} onClick={() => void choose('')}>
            {t('message.reactRemove')}
          </button>
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
