/**
 * The fields of "Add a rule", in two groups: when and if (trigger and conditions), and what
 * it does (actions). Controlled: the form keeps one RuleDraft.
 */
import type { Member, Template } from '../../../../../common/domain';
import { regexProblem } from '../../../../../common/automation/rules/safe-regex';
import type { RuleDraft } from './rule-draft';
import { ASSIGN_POOL, isMessageTrigger } from './rule-draft';
import type { RulesT } from './useRulesT';
import { LanguageField } from './LanguageField';
import { StatusSelect, TriggerFields } from './TriggerFields';

type Props = {
  readonly t: RulesT;
  readonly draft: RuleDraft;
  readonly set: (patch: Partial<RuleDraft>) => void;
};

/** When the rule runs and what must hold. */
/** `local`: this desktop's own rules (not signed in), whose help says where they run. */
export function WhenFields({ t, draft, set, local = false }: Props & { readonly local?: boolean }) {
  const problem = draft.regex.trim() ? regexProblem(draft.regex.trim()) : null;
  return (
    <>
      <TriggerFields
        t={t}
        label={t('rules.when')}
        editing
        local={local}
        value={{ trigger: draft.trigger, minutes: draft.minutes, from: draft.statusFrom, to: draft.statusTo }}
        set={v =>
          set({
            ...(v.trigger !== undefined ? { trigger: v.trigger } : {}),
            ...(v.minutes !== undefined ? { minutes: v.minutes } : {}),
            ...(v.from !== undefined ? { statusFrom: v.from } : {}),
            ...(v.to !== undefined ? { statusTo: v.to } : {}),
          })
        }
      />
      {isMessageTrigger(draft.trigger) && (
        <>
          <label>
            {t('rules.textContains')}
            <input maxLength={200} value={draft.text} onChange={e => set({ text: e.target.value })} />
            <span className="small muted">{t('rules.textContains.help')}</span>
          </label>
          <label>
            {t('rules.regex')}
            <input
              maxLength={100}
              value={draft.regex}
              aria-invalid={problem ? true : undefined}
              onChange={e => set({ regex: e.target.value })}
            />
          </label>
          <span className={problem ? 'small error-text' : 'small muted'}>
            {problem ? t('rules.regex.unsafe') : t('rules.regex.help')}
          </span>
        </>
      )}
      <label>
        {t('rules.hasTag')}
        <input maxLength={50} value={draft.hasTag} onChange={e => set({ hasTag: e.target.value })} />
      </label>
      <label>
        {t('rules.hours')}
        <select value={draft.hours} onChange={e => set({ hours: e.target.value as RuleDraft['hours'] })}>
          <option value="">{t('rules.hours.any')}</option>
          <option value="withinHours">{t('rules.hours.within')}</option>
          <option value="outsideHours">{t('rules.hours.outside')}</option>
        </select>
      </label>
      {isMessageTrigger(draft.trigger) && (
        <label className="inline">
          <input type="checkbox" checked={draft.contactNew} onChange={e => set({ contactNew: e.target.checked })} />
          {t('rules.contactNew')}
        </label>
      )}
      {isMessageTrigger(draft.trigger) && <LanguageField t={t} draft={draft} set={set} />}
    </>
  );
}

/** What the rule does. */
export function ActionFields(
  /** members null: assignment is not offered (this desktop's own rules). */
  props: Props & { readonly templates: readonly Template[]; readonly members: readonly Member[] | null },
) {
  const { t, draft, set } = props;
  return (
    <>
      <label>
        {t('rules.reply')}
        <select value={draft.templateId} onChange={e => set({ templateId: e.target.value })}>
          <option value="">{t('rules.reply.none')}</option>
          {props.templates.map(x => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rules.addTag')}
        <input maxLength={50} value={draft.tag} onChange={e => set({ tag: e.target.value })} />
      </label>
      <StatusSelect
        t={t}
        label={t('rules.setStatus')}
        none={t('rules.setStatus.none')}
        value={draft.status}
        onChange={v => set({ status: v })}
      />
      {props.members && <AssignField t={t} draft={draft} set={set} members={props.members} />}
      <label>
        {t('rules.note')}
        <textarea maxLength={2000} rows={2} value={draft.note} onChange={e => set({ note: e.target.value })} />
      </label>
      <label>
        {t('rules.notify')}
        <textarea maxLength={2000} rows={2} value={draft.notify} onChange={e => set({ notify: e.target.value })} />
      </label>
      <span className="small muted">{t('rules.notify.help')}</span>
    </>
  );
}

function AssignField(props: Props & { readonly members: readonly Member[] }) {
  const { t, draft, set, members } = props;
  return (
    <>
      <label>
        {t('rules.assign')}
        <select value={draft.assignTo} onChange={e => set({ assignTo: e.target.value })}>
          <option value="">{t('rules.assign.none')}</option>
          <option value={ASSIGN_POOL}>{t('rules.assign.pool')}</option>
          {members
            .filter(m => m.active)
            .map(m => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
        </select>
      </label>
      <span className="small muted">{t('rules.assign.help')}</span>
    </>
  );
}
