import { useId, useState } from 'react';
import type { Chat, Member, MemberId, Role } from '../../../../common/domain';
import { handOverTargets, mayHandOver } from '../../../../common/handover';
import { can } from '../../../../common/permissions';
import { useComposer } from '../../stores/composer';
import { useWorkspace } from '../../stores/workspace';
import type { RunChange } from '../team/logic';
import { withRefusalText } from './logic';
import { useAccountMembers } from './useAccountMembers';
import { useHandoverT } from './useHandoverT';
import { useTeamSettings } from './useTeamSettings';

type Props = {
  readonly chat: Chat;
  readonly me: { readonly id: string; readonly role: Role };
  readonly members: readonly Member[];
  readonly busy: boolean;
  readonly run: RunChange;
};

/**
 * An agent's way to hand their chat on: back to the queue, or to a colleague on the same
 * number, with an optional note (and their unsent draft, like a lead's transfer). Shown
 * only while the workspace rule allows it and the chat is theirs; leads and admins have
 * the assignee picker instead.
 */
export function HandOverControls({ chat, me, members, busy, run }: Props) {
  const t = useHandoverT();
  const settings = useTeamSettings();
  const online = useWorkspace(s => s.status.connection === 'online');
  const assign = useWorkspace(s => s.assign);
  const accountMembers = useAccountMembers(chat.accountId, online);
  const [target, setTarget] = useState('');
  const [note, setNote] = useState('');
  const ids = { note: useId(), select: useId() };

  if (can(me.role, 'chats.assign') || !settings || !mayHandOver(me, chat, settings)) return null;
  const targets = accountMembers ? handOverTargets(members, accountMembers, me.id) : [];

  const handOn = async (assigneeId: MemberId | null) => {
    const draft = useComposer.getState().drafts[chat.id]?.text ?? '';
    const done = await run(async () =>
      withRefusalText(t, await assign(chat.id, assigneeId, { note: note.trim(), draft: draft.trim() ? draft : null })),
    );
    if (done) {
      setNote('');
      setTarget('');
    }
  };

  return (
    <div className="team-form" data-testid="handover-controls">
      <label htmlFor={ids.note}>{t('handover.transfer.note')}</label>
      <textarea
        id={ids.note}
        className="team-note-input"
        rows={2}
        maxLength={10_000}
        value={note}
        onChange={e => setNote(e.target.value)}
      />
      <div className="team-actions">
        <button type="button" disabled={busy} onClick={() => void handOn(null)} title={t('handover.release.hint')}>
          {busy ? t('handover.busy') : t('handover.release')}
        </button>
      </div>
      <label htmlFor={ids.select}>{t('handover.transfer')}</label>
      {accountMembers !== null && targets.length === 0 ? (
        <p className="team-hint">{t('handover.transfer.none')}</p>
      ) : (
        <>
          <select id={ids.select} value={target} disabled={busy} onChange={e => setTarget(e.target.value)}>
            <option value="">{t('handover.transfer.pick')}</option>
            {targets.map(m => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
          <div className="team-actions">
            <button
              type="button"
              className="primary"
              disabled={busy || target === ''}
              onClick={() => void handOn(target as MemberId)}
            >
              {t('handover.transfer.submit')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
