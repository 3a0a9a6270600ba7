import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { useTemplates } from '../../stores/templates';

/** Quick replies: typed as /shortcut in the composer, with {{contact.name}} and friends. */
export function TemplatesEditor() {
  const t = useT();
  const { templates, load } = useTemplates();
  const [shortcut, setShortcut] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void load(true);
  }, [load]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await api().invoke('templates:save', { shortcut: shortcut.replace(/^\//, ''), title, body });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setShortcut('');
    setTitle('');
    setBody('');
    await load(true);
  };
  const remove = async (id: string) => {
    await api().invoke('templates:delete', { id });
    await load(true);
  };

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
            <button type="button" className="link-button" onClick={() => void remove(tpl.id)}>
              {t('templates.delete', { shortcut: tpl.shortcut })}
            </button>
          </li>
        ))}
      </ul>
      <form className="form" onSubmit={e => void save(e)} aria-label={t('templates.add')}>
        <label>
          {t('templates.shortcut')}
          <input value={shortcut} onChange={e => setShortcut(e.target.value)} required maxLength={40} />
        </label>
        <label>
          {t('templates.title')}
          <input value={title} onChange={e => setTitle(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('templates.body')}
          <textarea value={body} onChange={e => setBody(e.target.value)} required maxLength={10_000} rows={3} />
        </label>
        <p className="small muted">{t('templates.variables')}</p>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit">{t('templates.add')}</button>
        </div>
      </form>
    </section>
  );
}
