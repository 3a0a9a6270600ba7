import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { regexProblem } from '../../../../../common/automation/rules/safe-regex';
import type { Template } from '../../../../../common/domain';
import { useAutomationSource } from '../source';
import { useWorkspace } from '../../../stores/workspace';
import type { RuleDraft } from './rule-draft';
import { EMPTY_DRAFT, isMessageTrigger, ruleOf } from './rule-draft';
import { SentimentField } from './LanguageField';
import { ActionFields, WhenFields } from './RuleFormParts';
import type { RulesT } from './useRulesT';
import { rulesErrorText } from './useRulesT';

/** "Add a rule": when, the conditions, and what to do (not JSON). */
export function RuleForm(props: { readonly t: RulesT; readonly accountId: string; readonly onSaved: () => void }) {
  const { t } = props;
  const source = useAutomationSource();
  const members = useWorkspace(s => s.members);
  const [templates, setTemplates] = useState<readonly Template[]>([]);
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const set = (patch: Partial<RuleDraft>) => setDraft(d => ({ ...d, ...patch }));

  useEffect(() => {
    void source.templates({}).then(r => setTemplates(r.ok ? r.value : []));
  }, [source]);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const rule = ruleOf(draft, props.accountId);
    if (rule.actions.length === 0) return setMessage({ error: true, text: t('rules.needAction') });
    if (rule.conditions.some(c => c.kind === 'textRegex' && regexProblem(c.pattern)))
      return setMessage({ error: true, text: t('rules.regex.unsafe') });
    const r = await source.saveRule({ rule });
    if (!r.ok) return setMessage({ error: true, text: rulesErrorText(t, r.error.code) });
    setMessage({ error: false, text: t('rules.saved') });
    // A fresh form for the next rule.
    setDraft(EMPTY_DRAFT);
    props.onSaved();
  };

  return (
    <form className="form" aria-label={t('rules.add')} onSubmit={e => void submit(e)}>
      <h5>{t('rules.add')}</h5>
      <label>
        {t('rules.name')}
        <input required maxLength={100} value={draft.name} onChange={e => set({ name: e.target.value })} />
      </label>
      <WhenFields t={t} draft={draft} set={set} local={source.local} />
      {isMessageTrigger(draft.trigger) && <SentimentField t={t} draft={draft} set={set} local={source.local} />}
      <ActionFields
        t={t}
        draft={draft}
        set={set}
        templates={templates}
        // Assignment needs a team: not offered for this desktop's own rules.
        members={source.local ? null : members}
      />
      <label className="inline">
        <input type="checkbox" checked={draft.stopAfter} onChange={e => set({ stopAfter: e.target.checked })} />
        {t('rules.stopAfter')}
      </label>
      <button type="submit">{t('rules.save')}</button>
      {message && (
        <p
          role={message.error ? 'alert' : undefined}
          aria-live="polite"
          className={message.error ? 'error-text' : 'small'}
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
