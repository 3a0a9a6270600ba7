import { useEffect, useId, useState } from 'react';
import type { Chat } from '../../../../common/domain';
import { retainTags, useTags } from '../../stores/tags';
import { useWorkspace } from '../../stores/workspace';
import { suggestTags } from '../tags';
import '../tags/tags.css';
import type { RunChange } from './logic';
import { addTag, MAX_TAG_LENGTH, MAX_TAGS, removeTag } from './logic';
import type { TeamT } from './useTeamT';

type Props = {
  readonly t: TeamT;
  readonly chat: Chat;
  readonly editable: boolean;
  readonly busy: boolean;
  readonly run: RunChange;
};

/** Tags as chips in their workspace colours, with the workspace's tags as suggestions; each change sends the whole list, so the chat's version guards it. */
export function TagEditor({ t, chat, editable, busy, run }: Props) {
  const setTags = useWorkspace(s => s.setTags);
  const [draft, setDraft] = useState('');
  const [hint, setHint] = useState<string | null>(null);
  const ids = { heading: useId(), input: useId(), hint: useId(), list: useId() };
  const workspaceTags = useTags(s => s.tags);
  const colors = useTags(s => s.colors);
  useEffect(() => retainTags(), []);
  const suggestions = editable ? suggestTags(workspaceTags, chat.tags, draft) : [];

  const add = async () => {
    const edit = addTag(chat.tags, draft);
    if (edit.kind === 'full') return setHint(t('team.tags.full', { n: MAX_TAGS }));
    if (edit.kind === 'invalid') return;
    setHint(null);
    if (edit.kind === 'unchanged') return setDraft('');
    if (await run(() => setTags(chat.id, edit.tags))) setDraft('');
  };

  return (
    <div className="team-tags" role="group" aria-labelledby={ids.heading}>
      <h4 id={ids.heading}>{t('team.tags')}</h4>
      {chat.tags.length === 0 ? (
        <p className="team-muted">{t('team.tags.none')}</p>
      ) : (
        <ul className="team-chips" aria-labelledby={ids.heading}>
          {chat.tags.map(tag => (
            <li key={tag} className="team-chip" data-tag-color={colors.get(tag)}>
              <span>{tag}</span>
              {editable && (
                <button
                  type="button"
                  className="team-chip-remove"
                  aria-label={t('team.tags.remove', { tag })}
                  disabled={busy}
                  onClick={() => void run(() => setTags(chat.id, removeTag(chat.tags, tag)))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form
          className="team-tag-form"
          onSubmit={e => {
            e.preventDefault();
            void add();
          }}
        >
          <label htmlFor={ids.input} className="team-visually-hidden">
            {t('team.tags.new')}
          </label>
          <input
            id={ids.input}
            type="text"
            placeholder={t('team.tags.new')}
            // One more than a tag may have, for a leading '#' that normaliseTag drops.
            maxLength={MAX_TAG_LENGTH + 1}
            aria-describedby={hint ? ids.hint : undefined}
            list={ids.list}
            value={draft}
            onChange={e => setDraft(e.target.value)}
          />
          <datalist id={ids.list} data-testid="tag-suggestions">
            {suggestions.map(s => (
              <option key={s} value={s} />
            ))}
          </datalist>
          <button type="submit" disabled={busy || draft.trim() === ''}>
            {t('team.tags.add')}
          </button>
          {hint && (
            <p id={ids.hint} role="status" className="team-hint">
              {hint}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
