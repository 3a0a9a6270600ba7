import { useEffect, useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ChatId, Note } from '../../../../common/domain';
import { useI18n, localeOf } from '../../i18n';
import { useWorkspace } from '../../stores/workspace';
import type { TeamT } from './useTeamT';

type Props = { readonly t: TeamT; readonly chatId: ChatId; readonly writable: boolean };

const EMPTY: readonly Note[] = [];

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
  const language = useI18n(s => s.language);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
    } else setError(t('team.error', { message: r.error.message }));
  };

  // Ctrl/Cmd+Enter adds the note; plain Enter is a new line, as notes are often several lines.
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const time = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="team-notes" role="group" aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('team.notes.heading')}</h4>
      {!loaded && requested ? (
        <p className="team-muted">{t('team.notes.loading')}</p>
      ) : notes.length === 0 ? (
        <p className="team-muted">{t('team.notes.empty')}</p>
      ) : (
        <ol className="team-note-list" aria-labelledby={ids.heading}>
          {notes.map(n => (
            <li key={n.id} className="team-note" data-testid="team-note">
              <p className="team-note-label">{t('team.notes.private')}</p>
              <p className="team-note-meta">
                <strong>{n.authorName}</strong> ·{' '}
                <time dateTime={new Date(n.createdAt).toISOString()}>{time.format(n.createdAt)}</time>
              </p>
              <p className="team-note-body">{n.body}</p>
            </li>
          ))}
        </ol>
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
