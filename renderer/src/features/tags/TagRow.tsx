import { useState } from 'react';
import type { TagColor, WorkspaceTag } from '../../../../common/api/tags';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SafeText } from '../../components/SafeText';
import { useTags } from '../../stores/tags';
import { planRename, tagsErrorPhrase } from './logic';
import type { Report } from './logic';
import { ColorSelect } from './ColorSelect';
import type { TagsT } from './useTagsT';

type Props = {
  readonly t: TagsT;
  readonly tag: WorkspaceTag;
  readonly tags: readonly WorkspaceTag[];
  readonly online: boolean;
  readonly report: Report;
};

/** One listed tag: its chip, its colour, a rename (a merge when the new name is listed) and delete, each asked first when it loses a tag. */
export function TagRow({ t, tag, tags, online, report }: Props) {
  const { upsert, rename, remove } = useTags.getState();
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<'merge' | 'delete' | null>(null);
  const plan = planRename(tags, tag.name, draft);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setConfirm(null);
    await work();
    setBusy(false);
  };
  const recolour = (color: TagColor) =>
    run(async () => {
      const r = await upsert(tag.name, color);
      if (!r.ok) return report(null, tagsErrorPhrase(r.error));
      report({ key: 'tags.done.recoloured', vars: { tag: tag.name, color: t(`tags.color.${color}`) } }, null);
    });
  const doRename = () =>
    run(async () => {
      if (plan.kind !== 'rename' && plan.kind !== 'merge') return;
      const r = await rename(tag.name, plan.to);
      if (!r.ok) return report(null, tagsErrorPhrase(r.error));
      setDraft('');
      const key = plan.kind === 'merge' ? 'tags.done.merged' : 'tags.done.renamed';
      report({ key, vars: { tag: plan.to, n: r.value.chats } }, null);
    });
  const doDelete = () =>
    run(async () => {
      const r = await remove(tag.name);
      if (!r.ok) return report(null, tagsErrorPhrase(r.error));
      report({ key: 'tags.done.deleted', vars: { tag: tag.name, n: r.value.chats } }, null);
    });

  return (
    <tr data-testid={`tag-row-${tag.name}`}>
      <td>
        <span className="tags-chip" data-tag-color={tag.color}>
          #<SafeText text={tag.name} />
        </span>
      </td>
      <td>
        <ColorSelect
          t={t}
          value={tag.color}
          label={t('tags.colorOf', { tag: tag.name })}
          disabled={!online || busy}
          onChange={c => void recolour(c)}
        />
      </td>
      <td>
        <form
          onSubmit={e => {
            e.preventDefault();
            if (plan.kind === 'merge') setConfirm('merge');
            else void doRename();
          }}
        >
          <input
            aria-label={t('tags.renameOf', { tag: tag.name })}
            value={draft}
            maxLength={51}
            disabled={!online || busy}
            onChange={e => setDraft(e.target.value)}
          />
          <button type="submit" disabled={!online || busy || (plan.kind !== 'rename' && plan.kind !== 'merge')}>
            {plan.kind === 'merge' ? t('tags.merge', { tag: plan.to }) : t('tags.rename')}
          </button>
        </form>
      </td>
      <td>
        <button
          type="button"
          className="danger"
          aria-label={t('tags.deleteOf', { tag: tag.name })}
          disabled={!online || busy}
          onClick={() => setConfirm('delete')}
        >
          {t('tags.delete')}
        </button>
        {confirm === 'delete' && (
          <ConfirmDialog
            title={t('tags.confirmDelete.title', { tag: tag.name })}
            confirmLabel={t('tags.delete')}
            danger
            onConfirm={() => void doDelete()}
            onCancel={() => setConfirm(null)}
          >
            {t('tags.confirmDelete.body')}
          </ConfirmDialog>
        )}
        {confirm === 'merge' && plan.kind === 'merge' && (
          <ConfirmDialog
            title={t('tags.confirmMerge.title', { from: tag.name, to: plan.to })}
            confirmLabel={t('tags.merge', { tag: plan.to })}
            onConfirm={() => void doRename()}
            onCancel={() => setConfirm(null)}
          >
            {t('tags.confirmMerge.body', { from: tag.name, to: plan.to })}
          </ConfirmDialog>
        )}
      </td>
    </tr>
  );
}
