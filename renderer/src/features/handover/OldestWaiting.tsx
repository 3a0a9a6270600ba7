import { useState } from 'react';
import { useChatName } from '../../lib/chat-name';
import type { Chat, MemberId } from '../../../../common/domain';
import { stripBidi } from '../../lib/text';
import { useWorkspace } from '../../stores/workspace';
import { ageText, reassignTargets } from './logic';
import { useAccountMembers } from './useAccountMembers';
import { useHandoverT } from './useHandoverT';
import './handover.css';
import { errorText } from '../../lib/error-text';

/**
 * A workload row's oldest waiting chat: whose customer has waited longest for an answer,
 * for how long, and a picker to give it to someone else at once (the view then recounts).
 */
export function OldestWaiting({ chat }: { readonly chat: Chat | null }) {
  const t = useHandoverT();
  if (!chat || chat.lastMessageAt === null) return <span className="team-muted">{t('handover.oldest.none')}</span>;
  return <Reassign chat={chat} since={chat.lastMessageAt} />;
}

function Reassign({ chat, since }: { readonly chat: Chat; readonly since: number }) {
  const t = useHandoverT();
  const chatName = useChatName();
  const members = useWorkspace(s => s.members);
  const online = useWorkspace(s => s.status.connection === 'online');
  const assign = useWorkspace(s => s.assign);
  const accountMembers = useAccountMembers(chat.accountId, online);
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const targets = reassignTargets(members, accountMembers, chat.assigneeId);
  // A customer's name may carry direction overrides that would turn the rest of the line around.
  const name = stripBidi(chatName(chat));

  const submit = async () => {
    setBusy(true);
    const r = await assign(chat.id, target as MemberId);
    setBusy(false);
    if (r.ok) {
      setError(null);
      setMessage(t('handover.reassign.done', { name: members.find(m => m.id === target)?.name ?? '' }));
      setTarget('');
    } else setError(errorText(r.error));
  };

  return (
    <div className="team-oldest" data-testid="team-oldest">
      <span>{t('handover.oldest.age', { name, age: ageText(t, since, Date.now()) })}</span>
      {online && (
        <span className="team-actions">
          <select
            aria-label={t('handover.reassign.label', { name })}
            value={target}
            disabled={busy}
            onChange={e => setTarget(e.target.value)}
          >
            <option value="">{t('handover.transfer.pick')}</option>
            {targets.map(m => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy || target === ''} onClick={() => void submit()}>
            {busy ? t('handover.busy') : t('handover.reassign.submit')}
          </button>
        </span>
      )}
      {message && (
        <span role="status" className="team-ok">
          {message}
        </span>
      )}
      {error && (
        <span role="alert" className="team-error">
          {error}
        </span>
      )}
    </div>
  );
}
