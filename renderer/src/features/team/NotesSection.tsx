import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { PendingNote } from '../../../../common/api/workspace';
import type { ChatId, Note } from '../../../../common/domain';
import { useI18n, localeOf } from '../../i18n';
import { useComposer } from '../../stores/composer';
import { useWorkspace } from '../../stores/workspace';
import { offeredDraft } from './live-logic';
import type { TeamT } from './useTeamT';
import { errorText } from '../../lib/error-text';

type Props = { readonly t: TeamT; readonly chatId: ChatId; readonly writable: boolean };

const EMPTY: readonly Note[] = [];
const NO_PENDING: readonly PendingNote[] = [];

/**
 * Internal notes of a chat, styled unlike any customer message (yellow, labelled) so
 * nobody mistakes them for something the customer saw. Bodies are plain text.
 */
export function NotesSection({ t, chatId, writable }: Props) {
  const notes = useWorkspace(s => s.notes.get(chatId) ?? EMPTY);
  const requested = useWorkspace(s => s.notesRequested.has(chatId));
  const loaded = useWorkspace(s => s.notes.has(chatId));
  const loadNotes = useWorkspace(s => s.loadNotes);
  const addNote = useWorkspace(s => s.addNote);
  const discardNote = useWorkspace(s => s.discardNote);
  const pending = useWorkspace(s => s.pendingNotes.get(chatId) ?? NO_PENDING);
  const ownDraft = useComposer(s => s.drafts[chatId]?.text ?? '');
  const language = useI18n(s => s.language);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [queued, setQueued] = useState(false);
  const ids = { heading: useId(), input: useId() };

  useEffect(() => {
    void loadNotes(chatId);
  }, [chatId, loadNotes]);

  const submit = async () => {
    const body = draft.trim();
    if (!body || busy) return;
    setBusy(true);
    const r = await addNote(chatId, body);
    setBusy(false);
    if (r.ok) {
      setDraft('');
      setError(null);
      setQueued(r.value.pending);
    } else setError(t('team.error', { message: errorText(r.error) }));
  };

  // Ctrl/Cmd+Enter adds the note; plain Enter is a new line, as notes are often several lines.
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const time = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
  const offered = offeredDraft(notes, ownDraft);
  return (
    <div className="team-notes" role="group" aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('team.notes.heading')}</h4>
      {!loaded && requested ? (
        <p className="team-muted">{t('team.notes.loading')}</p>
      ) : notes.length === 0 && pending.length === 0 ? (
        <p className="team-muted">{t('team.notes.empty')}</p>
      ) : (
        <ol className="team-note-list" aria-labelledby={ids.heading}>
          {notes.map(n => (
            <li
              key={n.id}
              className={n.kind === 'handover' ? 'team-note team-note-handover' : 'team-note'}
              data-testid="team-note"
            >
              <p className="team-note-label">
                {n.kind === 'handover' ? t('team.handover.label', { name: n.authorName }) : t('team.notes.private')}
              </p>
              <p className="team-note-meta">
                <strong>{n.authorName}</strong> ·{' '}
                <time dateTime={new Date(n.createdAt).toISOString()}>{time.format(n.createdAt)}</time>
              </p>
              {n.body && <p className="team-note-body">{n.body}</p>}
              {n.kind === 'handover' && (
                <HandoverParts
                  t={t}
                  note={n}
                  offered={offered?.id === n.id}
                  onUse={() => useComposer.getState().setText(chatId, n.draft ?? '')}
                />
              )}
            </li>
          ))}
          {pending.map(p => (
            <li
              key={p.clientNoteId}
              className={`team-note team-note-pending${p.state === 'failed' ? ' team-note-failed' : ''}`}
              data-testid="team-note-pending"
            >
              <p className="team-note-label">{t('team.notes.private')}</p>
              <p className="team-note-state">
                {p.state === 'failed'
                  ? t('team.notes.failed', { message: p.lastError ?? '' })
                  : p.state === 'sending'
                    ? t('team.notes.sending')
                    : t('team.notes.pending')}
              </p>
              <p className="team-note-body">{p.body}</p>
              {p.state === 'failed' && (
                <button type="button" onClick={() => void discardNote(p.clientNoteId)}>
                  {t('team.notes.discard')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {queued && pending.length > 0 && (
        <p role="status" className="team-hint">
          {t('team.notes.queuedOffline')}
        </p>
      )}
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      {writable && (
        <form
          className="team-form team-note-form"
          onSubmit={e => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor={ids.input}>{t('team.notes.new')}</label>
          <textarea
            id={ids.input}
            className="team-note-input"
            rows={3}
            maxLength={10_000}
            placeholder={t('team.notes.private')}
            aria-keyshortcuts="Control+Enter"
            value={draft}
            onChange={e => setDraft(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <div className="team-actions">
            <button type="submit" disabled={busy || draft.trim() === ''} aria-busy={busy}>
              {t('team.notes.add')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

type HandoverProps = { readonly t: TeamT; readonly note: Note; readonly offered: boolean; readonly onUse: () => void };

/**
 * What a transfer brought along. "Use draft" is offered, not applied: the draft was
 * written by someone else (their voice, maybe their language) and an agent who presses
 * Enter out of habit must not send it unread; it is only offered while the own draft is empty.
 */
function HandoverParts({ t, note, offered, onUse }: HandoverProps) {
  return (
    <>
      {note.summary && (
        <div className="team-handover-part">
          <h5>{t('team.handover.summary')}</h5>
          <blockquote>{note.summary}</blockquote>
        </div>
      )}
      {note.draft && (
        <div className="team-handover-part">
          <h5>{t('team.handover.draft')}</h5>
          <blockquote>{note.draft}</blockquote>
          {offered && (
            <button type="button" title={t('team.handover.useDraftHint')} onClick={onUse}>
              {t('team.handover.useDraft')}
            </button>
          )}
        </div>
      )}
    </>
  );
}
