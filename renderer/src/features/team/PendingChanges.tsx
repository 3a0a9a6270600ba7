import { useCallback, useEffect, useRef, useState } from 'react';
import type { PendingChatChange } from '../../../../common/api/chat-changes';
import type { Chat, Member, MemberId } from '../../../../common/domain';
import { api } from '../../api/client';
import { memberName } from './logic';
import type { OfflineT } from './useOfflineT';
import { useOfflineT } from './useOfflineT';

type Props = { readonly chat: Chat; readonly members: readonly Member[] };

/**
 * Status and tag changes made offline: a "waiting to send" line while queued, and for a
 * change someone else made meanwhile one line naming who and what, with the agent's choice.
 * Re-read on every chats:changed naming this chat, not only when its fields change: the
 * server's fact for our own change can arrive before its answer, so the row is still there
 * when the chat's new version comes, and the core's later announcement carries the same
 * version and status.
 */
export function PendingChanges({ chat, members }: Props) {
  const t = useOfflineT();
  const [pending, setPending] = useState<readonly PendingChatChange[]>([]);
  const tagsKey = chat.tags.join('\n');
  // Answers can come back out of order: only the newest read is shown.
  const reads = useRef(0);

  const load = useCallback(async () => {
    const n = ++reads.current;
    const r = await api().invoke('chats:pendingChanges', { chatId: chat.id });
    if (n === reads.current) setPending(r.ok ? r.value : []);
  }, [chat.id]);

  useEffect(() => {
    void load();
  }, [load, chat.status, tagsKey, chat.version]);

  useEffect(
    () =>
      api().subscribe('chats:changed', ({ chats }) => {
        if (chats.some(c => c.id === chat.id)) void load();
      }),
    [load, chat.id],
  );

  const resolve = async (field: PendingChatChange['field'], keep: 'mine' | 'theirs') => {
    await api().invoke('chats:resolveChange', { chatId: chat.id, field, keep });
    await load();
  };

  if (pending.length === 0) return null;
  return (
    <ul className="team-pending-changes" data-testid="pending-changes">
      {pending.map(c => (
        <li key={c.field} data-state={c.state}>
          {c.state === 'conflict' ? (
            <>
              <span>{conflictLine(t, c, members)}</span>{' '}
              <button type="button" onClick={() => void resolve(c.field, 'mine')}>
                {t('offline.applyMine')}
              </button>{' '}
              <button type="button" onClick={() => void resolve(c.field, 'theirs')}>
                {t('offline.keepTheirs')}
              </button>
            </>
          ) : (
            <span className="team-muted">
              {t('offline.waiting', { field: fieldName(t, c.field), value: valueText(t, c.value) })}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

const fieldName = (t: OfflineT, field: PendingChatChange['field']) =>
  t(field === 'status' ? 'offline.field.status' : 'offline.field.tags');

function valueText(t: OfflineT, v: PendingChatChange['value']): string {
  if (typeof v === 'string') return t(`offline.status.${v}`);
  return v.length === 0 ? t('offline.noTags') : v.join(', ');
}

function conflictLine(t: OfflineT, c: PendingChatChange, members: readonly Member[]): string {
  const field = fieldName(t, c.field);
  const mine = valueText(t, c.value);
  if (c.serverValue === null) return t('offline.refused', { field, mine });
  const who = (c.serverBy && memberName(members, c.serverBy as MemberId)) || t('offline.someone');
  return t('offline.conflict', { field, who, theirs: valueText(t, c.serverValue), mine });
}
