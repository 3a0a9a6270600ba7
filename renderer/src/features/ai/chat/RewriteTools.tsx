import { useEffect, useRef, useState } from 'react';
import type { AiFailureReason, RewriteStyle } from '../../../../../common/api/ai';
import type { ChatId } from '../../../../../common/domain';
import { api } from '../../../api/client';
import { SafeText } from '../../../components/SafeText';
import { failureKey } from './failure';
import { useAiChat } from './store';
import type { AiChatT } from './useAiChatT';
import { useAiChatT } from './useAiChatT';

const STYLES: readonly RewriteStyle[] = ['friendlier', 'shorter', 'formal', 'translate'];

type Preview =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly text: string }
  | { readonly state: 'failed'; readonly reason: AiFailureReason };

const styleLabel = (t: AiChatT, style: RewriteStyle) => t(`aiChat.rewrite.${style}`);

/**
 * "Rewrite with AI" for the draft: a menu of styles, then a preview the agent accepts
 * (replaces the draft) or discards (keeps it). The draft is never changed without a click.
 */
export function RewriteTools(p: {
  readonly chatId: ChatId;
  readonly draft: string;
  readonly onAccept: (text: string) => void;
}) {
  const t = useAiChatT();
  const enabled = useAiChat(s => s.enabled);
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<Preview | null>(null);
  const seq = useRef(0);
  useEffect(() => {
    seq.current += 1;
    setPreview(null);
    setOpen(false);
  }, [p.chatId]);

  if (!enabled) return null;
  const run = async (style: RewriteStyle) => {
    setOpen(false);
    const mine = ++seq.current;
    setPreview({ state: 'loading' });
    const r = await api().invoke('ai:rewrite', { chatId: p.chatId, draft: p.draft, style });
    if (mine !== seq.current) return;
    setPreview(
      !r.ok
        ? { state: 'failed', reason: 'unavailable' }
        : r.value.ok
          ? { state: 'ready', text: r.value.text }
          : { state: 'failed', reason: r.value.reason },
    );
  };
  const close = () => {
    seq.current += 1;
    setPreview(null);
  };

  return (
    <>
      <div className="ai-rewrite">
        <button
          type="button"
          className="icon-button"
          aria-label={t('aiChat.rewrite.menu')}
          aria-haspopup="menu"
          aria-expanded={open}
          disabled={!p.draft.trim()}
          onClick={() => setOpen(o => !o)}
        >
          <span aria-hidden="true">✎</span>
        </button>
        {open && (
          <ul className="ai-menu" role="menu" aria-label={t('aiChat.rewrite.menu')}>
            {STYLES.map(style => (
              <li key={style} role="none">
                <button type="button" role="menuitem" onClick={() => void run(style)}>
                  {styleLabel(t, style)}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {preview && (
        <div className="ai-preview-anchor">
          <div className="ai-preview" role="group" aria-label={t('aiChat.rewrite.preview')}>
            {preview.state === 'loading' && <p className="small muted">{t('aiChat.rewrite.loading')}</p>}
            {preview.state === 'failed' && (
              <p className="ai-failure small" role="status">
                {t(failureKey(preview.reason))}
              </p>
            )}
            {preview.state === 'ready' && (
              <p className="ai-preview-text">
                <SafeText text={preview.text} />
              </p>
            )}
            <div className="ai-preview-actions">
              {preview.state === 'ready' && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    p.onAccept(preview.text);
                    close();
                  }}
                >
                  {t('aiChat.rewrite.accept')}
                </button>
              )}
              <button type="button" onClick={close}>
                {t('aiChat.rewrite.discard')}
              </button>
            </div>
          </div>
        </div>
      )}
    </>
  );
}
