import { useCallback, useEffect, useId, useState } from 'react';
import type { WireRule } from '../../../../../common/protocol-automation-rules';
import { useAutomationSource } from '../source';
import { RuleForm } from './RuleForm';
import { RuleRuns } from './RuleRuns';
import { RuleTest } from './RuleTest';
import type { RulesT } from './useRulesT';
import { rulesErrorText, useRulesT } from './useRulesT';

/**
 * Settings → Automation → Rules: the workspace's rules in the order the server applies
 * them (on/off, move, delete), a form for a new rule on the chosen number, and a dry-run.
 */
export function RulesPanel({ accountId }: { readonly accountId: string }) {
  const t = useRulesT();
  const source = useAutomationSource();
  const headingId = useId();
  const [rules, setRules] = useState<readonly WireRule[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(async () => {
    const r = await source.listRules({});
    if (!r.ok) return setError(rulesErrorText(t, r.error.code));
    setRules(r.value);
    setError(null);
    setVersion(v => v + 1);
  }, [t, source]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (run: () => Promise<{ ok: boolean; error?: { code: string } }>) => {
    const r = await run();
    if (!r.ok && r.error) return setError(rulesErrorText(t, r.error.code));
    await load();
  };
  const move = (i: number, by: -1 | 1) => {
    const ids = rules.map(r => r.id);
    const [id] = ids.splice(i, 1);
    ids.splice(i + by, 0, id!);
    void act(() => source.reorderRules({ ids }));
  };
  const bodyOf = (r: WireRule) => ({
    name: r.name,
    enabled: r.enabled,
    stopAfter: r.stopAfter,
    trigger: r.trigger,
    conditions: r.conditions,
    actions: r.actions,
  });

  return (
    <section className="automation-rules" aria-labelledby={headingId} data-testid="automation-rules">
      <h4 id={headingId}>{t('rules.heading')}</h4>
      <p className="small muted">{t('rules.intro')}</p>
      {error && (
        <p role="alert" className="team-banner team-banner-warn">
          {error}
        </p>
      )}
      {rules.length === 0 && <p className="muted">{t('rules.empty')}</p>}
      <ol className="webhooks-list">
        {rules.map((r, i) => (
          <RuleItem
            key={r.id}
            t={t}
            rule={r}
            first={i === 0}
            last={i === rules.length - 1}
            onToggle={() => void act(() => source.saveRule({ id: r.id, rule: { ...bodyOf(r), enabled: !r.enabled } }))}
            onMove={by => move(i, by)}
            onDelete={() => void act(() => source.deleteRule({ id: r.id }))}
          />
        ))}
      </ol>
      <RuleRuns t={t} rules={rules} version={version} />
      <button type="button" onClick={() => void load()}>
        {t('rules.refresh')}
      </button>
      <RuleForm t={t} accountId={accountId} onSaved={() => void load()} />
      <RuleTest t={t} accountId={accountId} />
    </section>
  );
}

function RuleItem(props: {
  readonly t: RulesT;
  readonly rule: WireRule;
  readonly first: boolean;
  readonly last: boolean;
  readonly onToggle: () => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onDelete: () => void;
}) {
  const { t, rule } = props;
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="webhooks-item" data-testid="rule-item">
      <div className="webhooks-row">
        <strong>{rule.name}</strong>
        <span className={rule.enabled ? 'webhooks-on' : 'webhooks-off'}>
          {t(rule.enabled ? 'rules.on' : 'rules.off')}
        </span>
        {rule.stopAfter && <span className="small muted">{t('rules.stops')}</span>}
      </div>
      <div className="webhooks-actions">
        <button type="button" onClick={props.onToggle}>
          {t(rule.enabled ? 'rules.turnOff' : 'rules.turnOn')}
        </button>
        <button type="button" disabled={props.first} onClick={() => props.onMove(-1)}>
          {t('rules.up')}
        </button>
        <button type="button" disabled={props.last} onClick={() => props.onMove(1)}>
          {t('rules.down')}
        </button>
        {confirming ? (
          <span role="group">
            {t('rules.delete.confirm', { name: rule.name })}{' '}
            <button type="button" className="danger" onClick={props.onDelete}>
              {t('rules.delete.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('rules.delete.no')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('rules.delete')}
          </button>
        )}
      </div>
    </li>
  );
}
