import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RulePreview, WireRuleTest } from '../../../../../common/protocol-automation-rules';
import { useAutomationSource } from '../source';
import { isMessageTrigger } from './rule-draft';
import type { TestSample } from './TriggerSample';
import { FIRST_SAMPLE, sampleArgs, TriggerSample } from './TriggerSample';
import type { RulesT } from './useRulesT';
import { rulesErrorText } from './useRulesT';

function previewText(t: RulesT, p: RulePreview): string {
  const a = p.action;
  if (a.kind === 'reply') return t('rules.action.reply', { text: p.preview ?? '' });
  if (a.kind === 'addTag') return t('rules.action.addTag', { tag: a.tag });
  if (a.kind === 'setStatus') return t('rules.action.setStatus', { status: t(`rules.status.${a.status}`) });
  if (a.kind === 'assign')
    return a.memberId === undefined
      ? t('rules.action.assignPool')
      : t('rules.action.assign', { name: p.preview ?? '' });
  if (a.kind === 'note') return t('rules.action.note', { text: p.preview ?? a.text });
  return t('rules.action.notify', { text: p.preview ?? a.text });
}

/** The dry-run: a sample message against the saved rules; nothing is sent or changed. */
export function RuleTest(props: { readonly t: RulesT; readonly accountId: string }) {
  const { t } = props;
  const source = useAutomationSource();
  const [text, setText] = useState('');
  const [sample, setSample] = useState<TestSample>(FIRST_SAMPLE);
  const [result, setResult] = useState<WireRuleTest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (ev: FormEvent) => {
    ev.preventDefault();
    const r = await source.testRules({ accountId: props.accountId, text, ...sampleArgs(sample) });
    if (!r.ok) return setError(rulesErrorText(t, r.error.code));
    setError(null);
    setResult(r.value);
  };
  const names = new Map(result?.trace.map(x => [x.ruleId, x.name]) ?? []);
  return (
    <form className="form" aria-label={t('rules.test.heading')} onSubmit={e => void run(e)}>
      <h5>{t('rules.test.heading')}</h5>
      <TriggerSample t={t} sample={sample} set={patch => setSample(x => ({ ...x, ...patch }))} />
      {isMessageTrigger(sample.trigger) && (
        <label>
          {t('rules.test.text')}
          <input maxLength={4096} value={text} onChange={e => setText(e.target.value)} />
        </label>
      )}
      <button type="submit">{t('rules.test.run')}</button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {result && (
        <div role="status" data-testid="rules-test-result">
          {result.matched.length === 0 ? (
            <p>{t('rules.test.none')}</p>
          ) : (
            <ul>
              {result.matched.map(m => (
                <li key={m.ruleId}>
                  {t('rules.test.matched', { name: names.get(m.ruleId) ?? m.ruleId })}:{' '}
                  {m.actions.map(p => previewText(t, p)).join('; ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
