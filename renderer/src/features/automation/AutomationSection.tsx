import { useEffect, useId, useState } from 'react';
import { nextOpening } from '../../../../common/automation/opening';
import { formatOpening } from '../../../../common/automation/template';
import type { TemplateValues } from '../../../../common/automation/template';
import { can } from '../../../../common/permissions';
import type { AutomationUpdate } from '../../../../common/protocol-automation';
import { useI18n } from '../../i18n';
import { useAccounts } from '../../stores/accounts';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { defaultHours, HoursEditor } from './HoursEditor';
import { useAccountHours } from './hoursStore';
import { MessageEditor } from './MessageEditor';
import type { AutomationT } from './useAutomationT';
import { useAutomationT } from './useAutomationT';
import { AssignmentSettings } from './assignment/AssignmentSettings';
import { RulesPanel } from './rules/RulesPanel';
import { AutomationAiSettings } from './AutomationAiSettings';
import { AutomationSourceProvider, localSource, useAutomationSource, workspaceSource } from './source';
import './automation.css';

type Draft = Omit<AutomationUpdate, 'accountId'>;
type Status = { readonly kind: 'idle' | 'loading' | 'saved' | 'error'; readonly code?: string };

const KNOWN_ERRORS = ['forbidden', 'not_found', 'invalid_args'] as const;
function errorText(t: AutomationT, code: string | undefined): string {
  const known = KNOWN_ERRORS.find(c => c === code);
  return t(known ? `automation.error.${known}` : 'automation.error.other');
}

/**
 * Settings → Automation. In a workspace: for admins (every number) and leads (their
 * numbers; the server decides); nothing for agents. Not signed in: this desktop's own
 * automation, which its core runs (same screens, a local data source, no assignment).
 */
export function AutomationSection() {
  const t = useAutomationT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const accounts = useAccounts(s => s.accounts);
  const headingId = useId();
  const [accountId, setAccountId] = useState<string>('');
  useEffect(() => retainWorkspace(), []);

  const local = connection === 'signed_out';
  if (!local && (!me || !can(me.role, 'automation.manage'))) return null;
  const ready = local || connection === 'online';
  const chosen = accounts.find(a => a.id === accountId) ?? accounts[0];
  return (
    <AutomationSourceProvider value={local ? localSource : workspaceSource}>
      <section className="automation-settings" aria-labelledby={headingId} data-testid="automation-settings">
        <h3 id={headingId}>{t('automation.heading')}</h3>
        <p className="team-hint">{t(local ? 'automation.local.intro' : 'automation.intro')}</p>
        {local && (
          <p className="team-banner" data-testid="automation-local">
            {t('automation.local')}
          </p>
        )}
        {!ready && <p className="team-banner team-banner-warn">{t('automation.offline')}</p>}
        {!chosen ? (
          <p className="muted small">{t('automation.noNumbers')}</p>
        ) : (
          <>
            <label>
              {t('automation.number')}
              <select value={chosen.id} onChange={e => setAccountId(e.target.value)}>
                {accounts.map(a => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            {ready && <NumberAutomation key={chosen.id} t={t} accountId={chosen.id} numberName={chosen.name} />}
            {!local && ready && <AssignmentSettings key={`assign-${chosen.id}`} accountId={chosen.id} />}
            {ready && <RulesPanel key={`rules-${chosen.id}`} accountId={chosen.id} />}
          </>
        )}
        {/* The workspace's AI for rules with a mood condition: admins only, for every number. */}
        {!local && ready && me && can(me.role, 'settings.manage') && <AutomationAiSettings />}
      </section>
    </AutomationSourceProvider>
  );
}

function NumberAutomation(props: { readonly t: AutomationT; readonly accountId: string; readonly numberName: string }) {
  const { t, accountId, numberName } = props;
  const language = useI18n(s => s.language);
  const reloadHours = useAccountHours(s => s.load);
  const source = useAutomationSource();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    void source.get({ accountId }).then(r => {
      if (!live) return;
      if (!r.ok) return setStatus({ kind: 'error', code: r.error.code });
      setDraft({ hours: r.value.hours, away: r.value.away, greeting: r.value.greeting });
      setStatus({ kind: 'idle' });
    });
    return () => {
      live = false;
    };
  }, [accountId, source]);

  if (!draft)
    return (
      <p className="small muted">{status.kind === 'error' ? errorText(t, status.code) : t('automation.loading')}</p>
    );

  const opening = draft.hours ? nextOpening(draft.hours, Date.now()) : null;
  const values: TemplateValues = {
    'customer.name': t('automation.preview.customer'),
    'number.name': numberName,
    next_opening: draft.hours && opening !== null ? formatOpening(opening, draft.hours.timeZone, language) : '',
  };
  const change = (d: Draft) => {
    setDraft(d);
    setStatus({ kind: 'idle' });
  };
  const save = async () => {
    setStatus({ kind: 'loading' });
    const r = await source.save({ accountId, ...draft });
    if (!r.ok) return setStatus({ kind: 'error', code: r.error.code });
    setStatus({ kind: 'saved' });
    void reloadHours(source.local);
  };

  return (
    <div className="automation-number">
      <label className="inline">
        <input
          type="checkbox"
          checked={draft.hours !== null}
          onChange={e => change({ ...draft, hours: e.target.checked ? defaultHours() : null })}
        />
        {t('automation.hours.use')}
      </label>
      {draft.hours && <HoursEditor t={t} hours={draft.hours} onChange={hours => change({ ...draft, hours })} />}
      <MessageEditor
        t={t}
        legend={t('automation.away')}
        testId="automation-away"
        {...draft.away}
        values={values}
        onChange={away => change({ ...draft, away })}
      >
        {draft.away.enabled && !draft.hours && <p className="small error-text">{t('automation.away.needsHours')}</p>}
      </MessageEditor>
      <MessageEditor
        t={t}
        legend={t('automation.greeting')}
        testId="automation-greeting"
        {...draft.greeting}
        values={values}
        onChange={m => change({ ...draft, greeting: { ...draft.greeting, ...m } })}
      >
        <label>
          {t('automation.greeting.idle')}
          <input
            type="number"
            min={1}
            max={2160}
            value={draft.greeting.idleHours}
            onChange={e =>
              change({
                ...draft,
                greeting: { ...draft.greeting, idleHours: Math.max(1, Math.floor(Number(e.target.value) || 1)) },
              })
            }
          />
        </label>
      </MessageEditor>
      <p className="small muted">{t('automation.onceRule')}</p>
      <button type="button" onClick={() => void save()} disabled={status.kind === 'loading'}>
        {t('automation.save')}
      </button>
      <span role="status" className="small">
        {status.kind === 'saved' && t('automation.saved')}
        {status.kind === 'error' && <span className="error-text">{errorText(t, status.code)}</span>}
      </span>
    </div>
  );
}
