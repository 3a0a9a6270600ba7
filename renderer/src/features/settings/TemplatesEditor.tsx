import { useEffect, useState } from 'react';
import type { Template } from '../../../../common/domain';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { useTemplates } from '../../stores/templates';
import { useTemplateEditT } from './useTemplateEditT';

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
  useEffect(() => {
    void load(true);
  }, [load]);

  const reset = () => {
    setEditing(null);
    setDraft(EMPTY);
    setError(null);
  };
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const shortcut = draft.shortcut.replace(/^\//, '');
    const r = await api().invoke('templates:save', { ...(editing ? { id: editing.id } : {}), ...draft, shortcut });
    if (!r.ok) {
      return setError(
        r.error.code === 'conflict'
          ? te('templateEdit.error.conflict', { shortcut })
          : te('templateEdit.error.failed', { message: r.error.message }),
      );
    }
    reset();
    await load(true);
  };
  const edit = (tpl: Template) => {
    setEditing(tpl);
    setDraft({ shortcut: tpl.shortcut, title: tpl.title, body: tpl.body });
    setError(null);
  };
  const remove = async (tpl: Template) => {
    setDeleting(null);
    await api().invoke('templates:delete', { id: tpl.id });
    if (editing?.id === tpl.id) reset();
    await load(true);
  };
  const formName = editing ? te('templateEdit.form') : t('templates.add');

  return (
    <section aria-labelledby="templates-heading" className="templates-editor">
      <h3 id="templates-heading">{t('templates.heading')}</h3>
      <ul className="template-list">
        {templates.map(tpl => (
          <li key={tpl.id}>
            <strong>/{tpl.shortcut}</strong> <SafeText text={tpl.title} />
            <div className="small muted">
              <SafeText text={tpl.body} />
            </div>
            <button type="button" className="link-button" onClick={() => edit(tpl)}>
              {te('templateEdit.edit', { shortcut: tpl.shortcut })}
            </button>{' '}
            <button type="button" className="link-button" onClick={() => setDeleting(tpl)}>
              {t('templates.delete', { shortcut: tpl.shortcut })}
            </button>
          </li>
        ))}
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
