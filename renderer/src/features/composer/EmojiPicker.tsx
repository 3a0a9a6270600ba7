import { useEffect, useRef } from 'react';
import { useT } from '../../i18n';
import { EMOJI } from './emoji';

/** A grid of common emoji; Esc closes it and returns to the text box. */
export function EmojiPicker({
  onPick,
  onClose,
}: {
  readonly onPick: (e: string) => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
  }, []);
  return (
    <div
      ref={ref}
      role="group"
      aria-label={t('composer.emoji')}
      className="emoji-grid"
      onKeyDown={e => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
          document.getElementById('composer-input')?.focus();
        }
      }}
    >
      {EMOJI.map(e => (
        <button key={e} type="button" onClick={() => onPick(e)} aria-label={e}>
          {e}
        </button>
      ))}
    </div>
  );
}
