import { useEffect, useState } from 'react';
import type { Chat } from '../../../../common/domain';
import { useWorkspace } from '../../stores/workspace';
import { memberName } from '../team/logic';
import { needsReplyWarning } from './logic';
import { useHandoverT } from './useHandoverT';
import './handover.css';

export type ReplyGuard = {
  /** True when this send must wait: the warning is now shown instead. */
  holds(): boolean;
  /** The warning is showing. */
  readonly asking: boolean;
  /** "Send anyway": no more warnings in this chat until it is opened again. */
  confirm(): void;
  cancel(): void;
};

/**
 * Replying in a chat someone else is assigned to asks once per chat-open: the composer
 * calls holds() before sending. Opening another chat (or this one again) asks again.
 */
export function useReplyGuard(chat: Pick<Chat, 'id' | 'assigneeId'>): ReplyGuard {
  const me = useWorkspace(s => (s.status.connection === 'signed_out' ? null : s.status.member));
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    setConfirmedFor(null);
    setAsking(false);
  }, [chat.id]);
  const active = needsReplyWarning(me, chat, confirmedFor === chat.id);
  return {
    holds() {
      if (active) setAsking(true);
      return active;
    },
    asking: asking && active,
    confirm() {
      setConfirmedFor(chat.id);
      setAsking(false);
    },
    cancel: () => setAsking(false),
  };
}

/** The one-line warning naming the assignee, with "Send anyway" and "Cancel". */
export function ReplyWarning({
  chat,
  guard,
  onSend,
}: {
  readonly chat: Pick<Chat, 'assigneeId'>;
  readonly guard: ReplyGuard;
  readonly onSend: () => void;
}) {
  const t = useHandoverT();
  const members = useWorkspace(s => s.members);
  if (!guard.asking) return null;
  const name = memberName(members, chat.assigneeId) ?? '?';
  return (
    <p role="alert" className="composer-context reply-warning" data-testid="reply-warning">
      <span className="small">{t('handover.warn.line', { name })}</span>{' '}
      <button
        type="button"
        className="primary"
        onClick={() => {
          guard.confirm();
          onSend();
        }}
      >
        {t('handover.warn.send')}
      </button>{' '}
      <button type="button" onClick={guard.cancel}>
        {t('handover.warn.cancel')}
      </button>
    </p>
  );
}
