import { useEffect, useState } from 'react';
import type { WireRule, WireRuleRun } from '../../../../../common/protocol-automation-rules';
import { useAutomationSource } from '../source';
import type { RulesT } from './useRulesT';

const KNOWN = [
  'template_missing',
  'reply_empty',
  'cool_down',
  'action_not_available',
  'member_missing',
  'member_inactive',
  'member_not_on_number',
  'note_empty',
  'notify_empty',
  'nobody_to_notify',
] as const;

/** The rules' recent failed runs, with why in words: a rule that fails never holds a message up, so this is where it shows. */
export function RuleRuns(props: { readonly t: RulesT; readonly rules: readonly WireRule[]; readonly version: number }) {
  const { t } = props;
  const source = useAutomationSource();
  const [runs, setRuns] = useState<readonly WireRuleRun[]>([]);
  useEffect(() => {
    void source.ruleRuns({ failedOnly: true, limit: 20 }).then(r => setRuns(r.ok ? r.value : []));
  }, [props.version, source]);
  if (runs.length === 0) return null;
  const names = new Map(props.rules.map(r => [r.id, r.name]));
  const why = (code: string | null) => {
    // The AI gave no mood for a rule with a sentiment condition (timeout, off, budget…).
    if (code?.startsWith('sentiment_')) return t('rules.failure.sentiment', { code: code.slice('sentiment_'.length) });
    const known = KNOWN.find(k => k === code);
    return known ? t(`rules.failure.${known}`) : t('rules.failure.other', { code: code ?? '' });
  };
  return (
    <div data-testid="rule-failures">
      <h5>{t('rules.failures')}</h5>
      <ul>
        {runs.map(r => (
          <li key={`${r.ruleId}-${r.triggerKey}`} className="small">
            {new Date(r.createdAt).toLocaleString()} · {names.get(r.ruleId) ?? r.ruleId}: {why(r.errorCode)}
          </li>
        ))}
      </ul>
    </div>
  );
}
