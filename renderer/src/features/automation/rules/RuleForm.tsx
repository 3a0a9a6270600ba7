import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { RuleAction, RuleBody, RuleCondition } from '../../../../../common/automation/rules/schema';
import type { Template } from '../../../../../common/domain';
import { api } from '../../../api/client';
import type { RulesT } from './useRulesT';
import { rulesErrorText } from './useRulesT';

const STATUSES = ['open', 'pending', 'resolved'] as const;
type Status = (typeof STATUSES)[number];

/** The rule a form describes: always limited to the chosen number, so leads may save it. */
export function ruleOf(f: {
  name: string;
  trigger: 'message.received' | 'conversation.opened';
  accountId: string;
  text: string;
  templateId: string;
  tag: string;
  status: Status | '';
  stopAfter: boolean;
  hours: '' | 'withinHours' | 'outsideHours';
  contactNew: boolean;
}): RuleBody {
  const conditions: RuleCondition[] = [{ kind: 'number', accountIds: [f.accountId] }];
  if (f.text.trim()) conditions.push({ kind: 'textContains', text: f.text.trim() });
  if (f.hours) conditions.push({ kind: f.hours });
  if (f.contactNew) conditions.push({ kind: 'contactNew' });
  const actions: RuleAction[] = [];
  if (f.templateId) actions.push({ kind: 'reply', templateId: f.templateId });
  if (f.tag.trim()) actions.push({ kind: 'addTag', tag: f.tag.trim() });
  if (f.status) actions.push({ kind: 'setStatus', status: f.status });
  return {
    name: f.name.trim(),
    enabled: true,
    stopAfter: f.stopAfter,
    trigger: { type: f.trigger },
    conditions,
    actions,
  };
}

/** "Add a rule": when, an optional text condition, and what to do (not JSON). */
export function RuleForm(props: { readonly t: RulesT; readonly accountId: string; readonly onSaved: () => void }) {
  const { t } = props;
  const [templates, setTemplates] = useState<readonly Template[]>([]);
  const [name, setName] = useState('');
  const [trigger, setTrigger] = useState<'message.received' | 'conversation.opened'>('message.received');
  const [text, setText] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [tag, setTag] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [stopAfter, setStopAfter] = useState(false);
  const [hours, setHours] = useState<'' | 'withinHours' | 'outsideHours'>('');
  const [contactNew, setContactNew] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  useEffect(() => {
    void api()
      .invoke('templates:team', {})
      .then(r => setTemplates(r.ok ? r.value : []));
  }, []);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const rule = ruleOf({
      name,
      trigger,
      accountId: props.accountId,
      text,
      templateId,
      tag,
      status,
      stopAfter,
      hours,
      contactNew,
    });
    if (rule.actions.length === 0) return setMessage({ error: true, text: t('rules.needAction') });
    const r = await api().invoke('rules:save', { rule });
    if (!r.ok) return setMessage({ error: true, text: rulesErrorText(t, r.error.code) });
    setMessage({ error: false, text: t('rules.saved') });
    // A fresh form for the next rule.
    setName('');
    setText('');
    setTag('');
    setTemplateId('');
    setStatus('');
    setHours('');
    setContactNew(false);
    setStopAfter(false);
    props.onSaved();
  };

  return (
    <form className="form" aria-label={t('rules.add')} onSubmit={e => void submit(e)}>
      <h5>{t('rules.add')}</h5>
      <label>
        {t('rules.name')}
        <input required maxLength={100} value={name} onChange={e => setName(e.target.value)} />
      </label>
      <label>
        {t('rules.when')}
        <select value={trigger} onChange={e => setTrigger(e.target.value as typeof trigger)}>
          <option value="message.received">{t('rules.when.message.received')}</option>
          <option value="conversation.opened">{t('rules.when.conversation.opened')}</option>
        </select>
      </label>
      <label>
        {t('rules.textContains')}
        <input maxLength={200} value={text} onChange={e => setText(e.target.value)} />
        <span className="small muted">{t('rules.textContains.help')}</span>
      </label>
      <label>
        {t('rules.hours')}
        <select value={hours} onChange={e => setHours(e.target.value as typeof hours)}>
          <option value="">{t('rules.hours.any')}</option>
          <option value="withinHours">{t('rules.hours.within')}</option>
          <option value="outsideHours">{t('rules.hours.outside')}</option>
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={contactNew} onChange={e => setContactNew(e.target.checked)} />
        {t('rules.contactNew')}
      </label>
      <label>
        {t('rules.reply')}
        <select value={templateId} onChange={e => setTemplateId(e.target.value)}>
          <option value="">{t('rules.reply.none')}</option>
          {templates.map(x => (
            <option key={x.id} value={x.id}>
              {x.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('rules.addTag')}
        <input maxLength={50} value={tag} onChange={e => setTag(e.target.value)} />
      </label>
      <label>
        {t('rules.setStatus')}
        <select value={status} onChange={e => setStatus(e.target.value as Status | '')}>
          <option value="">{t('rules.setStatus.none')}</option>
          {STATUSES.map(s => (
            <option key={s} value={s}>
              {t(`rules.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline">
        <input type="checkbox" checked={stopAfter} onChange={e => setStopAfter(e.target.checked)} />
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
