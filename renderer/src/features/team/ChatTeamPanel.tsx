import { Fragment, useCallback, useEffect, useId, useState } from 'react';
import type { Chat, ChatStatus, Member, MemberId } from '../../../../common/domain';
import { useComposer } from '../../stores/composer';
import { HandOverControls } from '../handover';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { useTypingReporter } from './live';
import type { RunChange } from './logic';
import { assignableMembers, chatTeamActions, conflictChat, memberName, newerChat } from './logic';
import { NotesSection } from './NotesSection';
import { PendingChanges } from './PendingChanges';
import { PresenceDot } from './PresenceDot';
import { TagEditor } from './TagEditor';
import type { TeamT } from './useTeamT';
import { useTeamT } from './useTeamT';
import './team.css';
import { errorText } from '../../lib/error-text';

type Props = { readonly chat: Chat };

/**
 * The conversation's team side panel: who has the chat, its status, tags and internal
 * notes. Shows only what the member's role may do. Without a workspace only the status,
 * this desktop's own (its 'status changed' rules run on it).
 */
export function ChatTeamPanel({ chat }: Props) {
  const t = useTeamT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const members = useWorkspace(s => s.members);
  const setStatus = useWorkspace(s => s.setStatus);
  const [latest, setLatest] = useState<Chat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The clicked status shows at once; the answer (or a conflict) then replaces it.
  const [statusShown, setStatusShown] = useState<ChatStatus | null>(null);
  const headingId = useId();
  useEffect(() => retainWorkspace(), []);
  useTypingReporter(chat.id);

  // A command answers before chats:changed reaches the parent; show whichever is newer.
  const current = newerChat(chat, latest);

  useEffect(() => setError(null), [chat.id]);

  const run = useCallback<RunChange>(
    async change => {
      setBusy(true);
      const r = await change();
      setBusy(false);
      if (r.ok) {
        setLatest(r.value);
        setError(null);
        return true;
      }
      // A conflict carries the chat as it is now: show it, with the core's plain sentence.
      const now = conflictChat(r.error);
      if (now) setLatest(now);
      setError(now ? errorText(r.error) : t('team.error', { message: errorText(r.error) }));
      return false;
    },
    [t],
  );

  // The same control signed out (this desktop's own status) and in (the team's).
  const statusControl = (
    <StatusControl
      t={t}
      value={statusShown ?? current.status}
      disabled={busy}
      onChange={status => {
        setStatusShown(status);
        void run(() => setStatus(current.id, status)).finally(() => setStatusShown(null));
      }}
    />
  );

  if (connection === 'signed_out') {
    // This desktop's own chats: the status is kept here and its local rules run on it.
    return (
      <section className="team-panel" aria-labelledby={headingId} data-testid="local-status">
        {/* The control carries its own visible "Status" label; the heading names the region only. */}
        <h3 id={headingId} className="sr-only">
          {t('team.status')}
        </h3>
        {error && (
          <p role="alert" className="team-error">
            {error}
          </p>
        )}
        {statusControl}
      </section>
    );
  }
  if (!me) return null;
  const actions = chatTeamActions(me.role, current);

  return (
    <section className="team-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('team.panel.heading')}</h3>
      {error && (
        <p role="alert" className="team-error" data-testid="team-panel-error">
          {error}
        </p>
      )}
      {/* Keyed by chat: a half-made choice or draft must not follow the user to the next chat. */}
      <Fragment key={current.id}>
        <Assignment t={t} chat={current} me={me.id} members={members} busy={busy} run={run} setError={setError} />
        {actions.updateStatus ? (
          statusControl
        ) : (
          <p className="team-muted">
            {t('team.status')}: {t(`team.status.${current.status}`)}
          </p>
        )}
        <PendingChanges chat={current} members={members} />
        <TagEditor t={t} chat={current} editable={actions.editTags} busy={busy} run={run} />
        <NotesSection t={t} chatId={current.id} writable={actions.writeNotes} />
      </Fragment>
    </section>
  );
}

type AssignmentProps = {
  readonly t: TeamT;
  readonly chat: Chat;
  readonly me: string;
  readonly members: readonly Member[];
  readonly busy: boolean;
  readonly run: RunChange;
  readonly setError: (message: string | null) => void;
};

function Assignment({ t, chat, me, members, busy, run, setError }: AssignmentProps) {
  const role = useWorkspace(s => s.status.member?.role ?? 'agent');
  const assign = useWorkspace(s => s.assign);
  const claim = useWorkspace(s => s.claim);
  const addNote = useWorkspace(s => s.addNote);
  // null = follow the chat's assignee; a choice stays only until it is applied or refused.
  const [choice, setChoice] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const ids = { select: useId(), note: useId() };
  const actions = chatTeamActions(role, chat);

  const nameOf = (id: MemberId | null): string => {
    if (id === null) return t('team.assignee.unassigned');
    const name = memberName(members, id) ?? t('team.assignee.unknown');
    return id === me ? t('team.assignee.you', { name }) : name;
  };

  const currentValue = chat.assigneeId ?? '';
  const value = choice ?? currentValue;
  const options = assignableMembers(members);
  // The current assignee stays selectable even if deactivated or not yet in the list.
  const listed = chat.assigneeId === null || options.some(m => m.id === chat.assigneeId);

  const submit = async () => {
    const target = value === '' ? null : (value as MemberId);
    const text = note.trim();
    if (target === chat.assigneeId) {
      // Same assignee with a note: the note alone.
      setChoice(null);
      if (!text) return;
      const r = await addNote(chat.id, text);
      if (r.ok) setNote('');
      else setError(t('team.assign.noteFailed', { message: errorText(r.error) }));
      return;
    }
    // A transfer carries the note and this agent's unsent draft in the same server write
    // (the core adds the cached AI summary): the next owner gets all of it or none of it.
    const draft = useComposer.getState().drafts[chat.id]?.text ?? '';
    const assigned = await run(() => assign(chat.id, target, { note: text, draft: draft.trim() ? draft : null }));
    setChoice(null);
    if (assigned) setNote('');
  };
  const chosen = value === '' ? null : value;

  return (
    <div className="team-assignment">
      <p className="team-assignee" data-testid="team-assignee">
        {chat.assigneeId !== null && (
          <>
            <PresenceDot t={t} memberId={chat.assigneeId} name={nameOf(chat.assigneeId)} />{' '}
          </>
        )}
        {chat.assigneeId === null
          ? t('team.assignee.unassigned')
          : t('team.assignee.current', { name: nameOf(chat.assigneeId) })}
      </p>
      {actions.claim && (
        <button type="button" className="primary" disabled={busy} onClick={() => void run(() => claim(chat.id))}>
          {t('team.claim')}
        </button>
      )}
      <HandOverControls chat={chat} me={{ id: me, role }} members={members} busy={busy} run={run} />
      {actions.assign && (
        <form
          className="team-form"
          onSubmit={e => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={ids.select}>{t('team.assignee')}</label>
          <select id={ids.select} value={value} disabled={busy} onChange={e => setChoice(e.target.value)}>
            <option value="">{t('team.assignee.unassigned')}</option>
            {!listed && chat.assigneeId && <option value={chat.assigneeId}>{nameOf(chat.assigneeId)}</option>}
            {options.map(m => (
              <option key={m.id} value={m.id}>
                {nameOf(m.id)}
              </option>
            ))}
          </select>
          {chosen !== null && (
            <p className="team-presence-line" data-testid="team-chosen-presence">
              <PresenceDot t={t} memberId={chosen} name={nameOf(chosen as MemberId)} withLabel />
            </p>
          )}
          <label htmlFor={ids.note}>{t('team.assign.note')}</label>
          <textarea
            id={ids.note}
            className="team-note-input"
            rows={2}
            maxLength={10_000}
            value={note}
            onChange={e => setNote(e.target.value)}
          />
          {value !== currentValue && <p className="team-hint">{t('team.handover.sendsDraft')}</p>}
          <div className="team-actions">
            <button
              type="submit"
              className="primary"
              disabled={busy || (value === currentValue && note.trim() === '')}
              aria-busy={busy}
            >
              {busy
                ? t('team.assign.busy')
                : value === currentValue && note.trim() !== ''
                  ? t('team.assign.noteOnly')
                  : chat.assigneeId !== null && value !== ''
                    ? t('team.assign.transfer')
                    : t('team.assign.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

const STATUSES: readonly ChatStatus[] = ['open', 'pending', 'resolved'];

type StatusProps = {
  readonly t: TeamT;
  readonly value: ChatStatus;
  readonly disabled: boolean;
  readonly onChange: (status: ChatStatus) => void;
};

/** Native radios styled as a segmented control: arrow keys move between them for free. */
function StatusControl({ t, value, disabled, onChange }: StatusProps) {
  const name = useId();
  return (
    <fieldset className="team-segmented" disabled={disabled}>
      <legend>{t('team.status')}</legend>
      {STATUSES.map(s => (
        <label key={s} className={s === value ? 'is-checked' : undefined}>
          <input type="radio" name={name} value={s} checked={s === value} onChange={() => onChange(s)} />
          <span>{t(`team.status.${s}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
