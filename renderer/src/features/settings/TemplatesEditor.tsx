import { useEffect, useState } from 'react';
import type { Template } from '../../../../common/domain';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import type { TemplateEditMessageKey } from '../../i18n/template-edit.en';
import { useTemplates } from '../../stores/templates';
import { useTeamTemplates } from './useTeamTemplates';
import { useTemplateEditT } from './useTemplateEditT';
import { errorText } from '../../lib/error-text';

/** The phrase for a failed save or delete, by the core's error code. */
function errorKey(code: string): TemplateEditMessageKey {
  if (code === 'conflict') return 'templateEdit.error.conflict';
  if (code === 'forbidden') return 'templateEdit.error.forbidden';
  if (code === 'unavailable' || code === 'offline') return 'templateEdit.error.offline';
  return 'templateEdit.error.failed';
}

type Draft = { readonly shortcut: string; readonly title: string; readonly body: string };
const EMPTY: Draft = { shortcut: '', title: '', body: '' };

/** Quick replies: typed as /shortcut in the composer, with {{contact.name}} and friends. */
export function TemplatesEditor() {
  const t = useT();
  const te = useTemplateEditT();
  const { templates, load } = useTemplates();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  /** The template being edited; null while adding a new one. */
  const [editing, setEditing] = useState<Template | null>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const [error, setError] = useState<string | null>(null);
  const team = useTeamTemplates();
  /** "Share with the team" on the form (admins and leads, online). */
  const [share, setShare] = useState(false);
  useEffect(() => {
    void load(true);
  }, [load]);

  const reset = () => {
    setEditing(null);
    setDraft(EMPTY);
    setError(null);
    setShare(false);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const shortcut = draft.shortcut.replace(/^\//, '');
    const fields = { ...(editing ? { id: editing.id } : {}), ...draft, shortcut };
    const publish = share && team.canManage;
    const r = publish ? await api().invoke('templates:publish', fields) : await api().invoke('templates:save', fields);
    if (!r.ok) return setError(te(errorKey(r.error.code), { shortcut, message: errorText(r.error) }));
    reset();
    await Promise.all([load(true), publish ? team.refresh() : null]);
  };
  const edit = (tpl: Template) => {
    setEditing(tpl);
    setDraft({ shortcut: tpl.shortcut, title: tpl.title, body: tpl.body });
    setError(null);
    setShare(team.ids.has(tpl.id));
  };
  const remove = async (tpl: Template) => {
    setDeleting(null);
    const r = team.ids.has(tpl.id)
      ? await api().invoke('templates:unpublish', { id: tpl.id })
      : await api().invoke('templates:delete', { id: tpl.id });
    if (!r.ok) return setError(te(errorKey(r.error.code), { shortcut: tpl.shortcut, message: errorText(r.error) }));
    if (editing?.id === tpl.id) reset();
    await Promise.all([load(true), team.refresh()]);
  };
  const formName = editing ? te('templateEdit.form') : t('templates.add');

  return (
    <section aria-labelledby="templates-heading" className="templates-editor">
      <h3 id="templates-heading">{t('templates.heading')}</h3>
      <ul className="template-list">
        {templates.map(tpl => {
          const ofTeam = team.ids.has(tpl.id);
          // A team template is changed by admins and leads only (the server enforces it too).
          const mayChange = !ofTeam || team.canManage;
          return (
            <li key={tpl.id}>
              <strong>/{tpl.shortcut}</strong> <SafeText text={tpl.title} />
              {ofTeam && <span className="status-chip small">{te('templateEdit.team')}</span>}
              <div className="small muted">
                <SafeText text={tpl.body} />
              </div>
              {mayChange && (
                <>
                  <button type="button" className="link-button" onClick={() => edit(tpl)}>
                    {te('templateEdit.edit', { shortcut: tpl.shortcut })}
                  </button>{' '}
                  <button type="button" className="link-button" onClick={() => setDeleting(tpl)}>
                    {t('templates.delete', { shortcut: tpl.shortcut })}
                  </button>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <form className="form" onSubmit={e => void save(e)} aria-label={formName}>
        <label>
          {t('templates.shortcut')}
          <input
            value={draft.shortcut}
            onChange={e => setDraft({ ...draft, shortcut: e.target.value })}
            required
            maxLength={40}
          />
        </label>
        <label>
          {t('templates.title')}
          <input
            value={draft.title}
            onChange={e => setDraft({ ...draft, title: e.target.value })}
            required
            maxLength={200}
          />
        </label>
        <label>
          {t('templates.body')}
          <textarea
            value={draft.body}
            onChange={e => setDraft({ ...draft, body: e.target.value })}
            required
            maxLength={10_000}
            rows={3}
          />
        </label>
        <p className="small muted">{t('templates.variables')}</p>
        {team.canManage && (
          <label className="inline">
            <input type="checkbox" checked={share} onChange={e => setShare(e.target.checked)} />
            {te('templateEdit.share')}
          </label>
        )}
        {team.ids.size > 0 && <p className="small muted">{te('templateEdit.teamHint')}</p>}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          {editing && (
            <button type="button" onClick={reset}>
              {te('templateEdit.cancel')}
            </button>
          )}
          <button type="submit">{editing ? te('templateEdit.save') : t('templates.add')}</button>
        </div>
      </form>
      {deleting && (
        <ConfirmDialog
          title={te('templateEdit.confirmTitle', { shortcut: deleting.shortcut })}
          confirmLabel={te('templateEdit.confirm')}
          danger
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        >
          <p>{te('templateEdit.confirmBody', { shortcut: deleting.shortcut, title: deleting.title })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
