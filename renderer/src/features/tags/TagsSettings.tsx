import { useEffect, useId, useState } from 'react';
import type { TagColor } from '../../../../common/api/tags';
import { can } from '../../../../common/permissions';
import { retainTags, useTags } from '../../stores/tags';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { normaliseTag } from '../team/logic';
import type { Report, TagsPhrase } from './logic';
import { tagsErrorPhrase } from './logic';
import { ColorSelect } from './ColorSelect';
import { TagRow } from './TagRow';
import type { TagsT } from './useTagsT';
import { useTagsT } from './useTagsT';
import './tags.css';

/**
 * Settings → Tags, for admins and leads: the workspace's tags with their colours; add,
 * recolour, rename, merge (rename onto a listed tag) and delete. The list shows offline
 * (the desktop keeps it); changes need the server.
 */
export function TagsSettings() {
  const t = useTagsT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const tags = useTags(s => s.tags);
  const headingId = useId();
  const [message, setMessage] = useState<TagsPhrase | null>(null);
  const [error, setError] = useState<TagsPhrase | null>(null);
  useEffect(() => retainWorkspace(), []);
  useEffect(() => retainTags(), []);

  if (!me || connection === 'signed_out' || !can(me.role, 'tags.manage')) return null;
  const online = connection === 'online';
  const report: Report = (ok, err) => {
    setMessage(ok);
    setError(err);
  };

  return (
    <section className="team-admin tags-settings" aria-labelledby={headingId} data-testid="tags-settings">
      <h3 id={headingId}>{t('tags.heading')}</h3>
      <p className="team-hint">{t('tags.intro')}</p>
      {!online && <p className="team-banner team-banner-warn">{t('tags.offline')}</p>}
      <p role="status" className="team-ok">
        {message && t(message.key, message.vars)}
      </p>
      {error && (
        <p role="alert" className="team-error">
          {t(error.key, error.vars)}
        </p>
      )}
      {tags.length === 0 ? (
        <p className="team-muted">{t('tags.none')}</p>
      ) : (
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('tags.col.tag')}</th>
              <th scope="col">{t('tags.col.color')}</th>
              <th scope="col">{t('tags.col.rename')}</th>
              <th scope="col">
                <span className="team-visually-hidden">{t('tags.delete')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tags.map(tag => (
              <TagRow key={tag.name} t={t} tag={tag} tags={tags} online={online} report={report} />
            ))}
          </tbody>
        </table>
      )}
      {online && <NewTagForm t={t} report={report} />}
    </section>
  );
}

function NewTagForm({ t, report }: { readonly t: TagsT; readonly report: Report }) {
  const upsert = useTags(s => s.upsert);
  const [name, setName] = useState('');
  const [color, setColor] = useState<TagColor>('blue');
  const [busy, setBusy] = useState(false);
  const ids = { name: useId() };
  const submit = async () => {
    const tag = normaliseTag(name);
    if (tag === null) return;
    setBusy(true);
    const r = await upsert(tag, color);
    setBusy(false);
    if (!r.ok) return report(null, tagsErrorPhrase(r.error));
    setName('');
    report({ key: 'tags.done.added', vars: { tag } }, null);
  };
  return (
    <form
      onSubmit={e => {
        e.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={ids.name}>{t('tags.new.name')}</label>
      <input id={ids.name} value={name} maxLength={51} onChange={e => setName(e.target.value)} />
      <ColorSelect t={t} value={color} label={t('tags.new.color')} onChange={setColor} />
      <button type="submit" disabled={busy || normaliseTag(name) === null}>
        {t('tags.new.add')}
      </button>
    </form>
  );
}
