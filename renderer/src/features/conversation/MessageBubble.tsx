import { messagePreview, previewLine, usePreviewT } from '../../lib/preview';
import { memo, useState } from 'react';
import type { Message } from '../../../../common/domain';
import { Linkified } from '../../components/Linkified';
import { PollCard } from './PollCard';
import { SafeText } from '../../components/SafeText';
import type { TFunction } from '../../i18n';
import { senderColor } from '../../lib/text';
import { AckTicks } from './AckTicks';
import { MessageMedia } from './MessageMedia';
import { ReactionPicker, hasOwnReaction } from './ReactionPicker';
import { useAccounts } from '../../stores/accounts';
import { Icon } from '../../components/Icon';
import { MessageTranslation, TranslateAction } from '../ai/chat';
import { FailureReason } from '../cloud';
import { capabilitiesOf } from '../../../../common/providers';
import { formatDate } from '../../lib/format-cache';
import { mentionDisplay } from '../../lib/mentions';
import { OwnMessageEditor, OwnMessageMenu, RelayedChangeNote, useOwnMessageActions } from './OwnMessageActions';

type Props = {
  readonly message: Message;
  readonly quoted: Message | null | undefined;
  readonly isGroup: boolean;
  readonly queued: boolean;
  readonly highlighted: boolean;
  readonly locale: string;
  readonly t: TFunction;
  readonly onReply: (m: Message) => void;
  readonly onRetry: (m: Message) => void;
  readonly onJump: (providerMessageId: string) => void;
  readonly onReact: (m: Message, emoji: string) => Promise<string | null>;
};

const MEDIA_TYPES = new Set(['image', 'video', 'audio', 'voice', 'document', 'sticker', 'location', 'contact_card']);

/** One message: sender (groups), quote, body or media, reactions, and the time with ticks. */
export const MessageBubble = memo(function MessageBubble(p: Props) {
  const { message: m, t } = p;
  const pt = usePreviewT();
  const time = formatDate(m.timestamp, p.locale, { hour: '2-digit', minute: '2-digit' });
  const sender = m.authorName ?? m.author?.split('@')[0] ?? '';
  const text = m.body ?? m.caption;
  // Hooks before the system-message return: a message that turns into (or out of) a notice
  // would otherwise change the number of hooks between renders, which React refuses.
  const ownPhone = useAccounts(s => s.byId.get(m.accountId)?.phone ?? null);
  // A number not listed (yet) keeps the picker, as before the registry; a known kind decides.
  const canReact = useAccounts(s => {
    const provider = s.byId.get(m.accountId)?.provider;
    return provider === undefined || capabilitiesOf(provider).reactions;
  });
  const own = useOwnMessageActions(m);
  const [editing, setEditing] = useState(false);
  if (m.type === 'system') {
    return (
      <div className="system-message small muted" role="note">
        <SafeText text={previewLine(pt, 'system', m.body ?? '')} />
      </div>
    );
  }
  const reactions = groupReactions(m.reactions);
  return (
    <article
      className={`bubble ${m.fromMe ? 'out' : 'in'}${p.highlighted ? ' highlighted' : ''}${m.ack === 'failed' ? ' failed' : ''}`}
      aria-label={
        m.automated === true
          ? t('message.fromAutomation')
          : m.fromMe
            ? t('message.fromMe')
            : t('message.from', { name: sender || t('message.customer') })
      }
      data-message-id={m.id}
    >
      {p.isGroup && !m.fromMe && sender && (
        <div className="sender" style={{ color: senderColor(m.author ?? sender) }}>
          <SafeText text={sender} />
        </div>
      )}
      {m.quotedProviderMessageId && (
        <button
          type="button"
          className="quote"
          onClick={() => m.quotedProviderMessageId && p.onJump(m.quotedProviderMessageId)}
          aria-label={t('message.quoteLabel')}
        >
          {p.quoted ? (
            <>
              <span className="quote-author small">
                {p.quoted.fromMe ? t('message.you') : <SafeText text={p.quoted.authorName ?? t('message.customer')} />}
              </span>
              <SafeText className="quote-text small" text={messagePreview(pt, p.quoted)} />
            </>
          ) : (
            <span className="muted small">{t('message.quoteNotLoaded')}</span>
          )}
        </button>
      )}
      {m.revoked ? (
        <p className="deleted muted">
          <Icon name="ban" size={12} /> {t('message.deleted')}
        </p>
      ) : (
        <>
          {MEDIA_TYPES.has(m.type) && <MessageMedia message={m} />}
          {m.type === 'ciphertext' && <p className="muted">{t('message.waiting')}</p>}
          {m.type === 'poll' && m.poll && <PollCard poll={m.poll} />}
          {m.type === 'unknown' && !text && <p className="muted">{t('message.unsupported')}</p>}
          {editing && own.edit && <OwnMessageEditor message={m} onDone={() => setEditing(false)} />}
          {!(editing && own.edit) && text && m.type !== 'contact_card' && !(m.type === 'poll' && m.poll) && (
            <p className="text">
              <Linkified
                text={text}
                mentions={mentionDisplay(m.mentions, ownPhone, {
                  you: t('message.you'),
                  hiddenNumber: t('message.mentionHidden'),
                })}
              />
            </p>
          )}
          {!m.fromMe && <MessageTranslation messageId={m.id} />}
        </>
      )}
      <div className="meta small">
        {m.automated === true && (
          <span className="muted" data-testid="message-automated" title={t('message.automatedHint')}>
            {t('message.automated')} ·{' '}
          </span>
        )}
        {m.edited && !m.revoked && <span className="muted">{t('message.edited')} · </span>}
        <time dateTime={new Date(m.timestamp).toISOString()}>{time}</time>
        {m.fromMe && <AckTicks ack={m.ack} queued={p.queued} />}
      </div>
      {m.fromMe && <RelayedChangeNote messageId={m.id} />}
      {reactions.length > 0 && (
        <ul className="reactions" aria-label={t('message.reactions')}>
          {reactions.map(([emoji, n]) => (
            <li key={emoji}>
              {emoji}
              {n > 1 ? ` ${n}` : ''}
            </li>
          ))}
        </ul>
      )}
      <div className="bubble-actions">
        {m.ack === 'failed' && (
          <button type="button" className="danger-text" onClick={() => p.onRetry(m)}>
            {t('message.retry')}
          </button>
        )}
        {m.ack === 'failed' && m.fromMe && m.clientMessageId && <FailureReason clientMessageId={m.clientMessageId} />}
        {!m.revoked && !m.id.startsWith('local:') && (
          <>
            <button type="button" className="icon-button" onClick={() => p.onReply(m)} aria-label={t('message.reply')}>
              <Icon name="reply" />
            </button>
            {canReact && (
              <ReactionPicker
                t={t}
                hasMine={hasOwnReaction(m.reactions, ownPhone)}
                onReact={emoji => p.onReact(m, emoji)}
              />
            )}
            {!m.fromMe && text && <TranslateAction messageId={m.id} text={text} />}
            {(own.edit || own.del) && (
              <OwnMessageMenu message={m} canEdit={own.edit} canDelete={own.del} onEdit={() => setEditing(true)} />
            )}
          </>
        )}
      </div>
    </article>
  );
});

function groupReactions(reactions: Message['reactions']): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of reactions) if (r.emoji) counts.set(r.emoji, (counts.get(r.emoji) ?? 0) + 1);
  return [...counts];
}
