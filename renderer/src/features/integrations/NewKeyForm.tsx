import { useId, useState } from 'react';
import type { ApiKeyCreated, ApiScope } from '../../../../common/api/integrations';
import type { WorkspaceAccount } from '../../../../common/api/workspace';
import { API_SCOPES } from '../../../../common/protocol-api-keys';
import { api } from '../../api/client';
import type { IntegrationsPhrase } from './logic';
import { integrationsErrorPhrase } from './logic';
import type { IntegrationsT } from './useIntegrationsT';

type Props = {
  readonly t: IntegrationsT;
  readonly accounts: readonly WorkspaceAccount[];
  readonly onCreated: (created: ApiKeyCreated) => void;
  readonly onError: (error: IntegrationsPhrase) => void;
};

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter(x => x !== item), item] : list.filter(x => x !== item);

/** Name, scopes (each with what it allows) and numbers (every number, or some). */
export function NewKeyForm({ t, accounts, onCreated, onError }: Props) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>(['chats:read']);
  const [all, setAll] = useState(true);
  const [numbers, setNumbers] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const nameId = useId();
  const ready = name.trim().length > 0 && scopes.length > 0 && (all || numbers.length > 0);

  const submit = async () => {
    setBusy(true);
    const r = await api().invoke('apiKeys:create', {
      name: name.trim(),
      // In the order of the list, whatever order they were ticked in.
      scopes: API_SCOPES.filter(s => scopes.includes(s)),
      accountIds: all ? null : numbers,
    });
    setBusy(false);
    if (!r.ok) return onError(integrationsErrorPhrase(r.error));
    setName('');
    onCreated(r.value);
  };

  return (
    <form
      className="integrations-new"
      aria-labelledby={headingId}
      onSubmit={e => {
        e.preventDefault();
        if (ready) void submit();
      }}
    >
      <h4 id={headingId}>{t('integrations.new.heading')}</h4>
      <label htmlFor={nameId}>{t('integrations.new.name')}</label>
      <input id={nameId} value={name} maxLength={100} onChange={e => setName(e.target.value)} />
      <fieldset>
        <legend>{t('integrations.new.scopes')}</legend>
        {API_SCOPES.map(scope => (
          <label key={scope} className="inline integrations-scope">
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={e => setScopes(toggle(scopes, scope, e.target.checked))}
            />
            <span>
              {t(`integrations.scope.${scope}`)} <code>{scope}</code>
              <small className="team-hint">{t(`integrations.scope.${scope}.help`)}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('integrations.new.numbers')}</legend>
        <label className="inline">
          <input type="checkbox" checked={all} onChange={e => setAll(e.target.checked)} />
          {t('integrations.new.allNumbers')}
        </label>
        {!all &&
          accounts.map(a => (
            <label key={a.id} className="inline">
              <input
                type="checkbox"
                checked={numbers.includes(a.id)}
                onChange={e => setNumbers(toggle(numbers, a.id, e.target.checked))}
              />
              {a.name}
              {a.phone ? ` (+${a.phone})` : ''}
            </label>
          ))}
      </fieldset>
      <button type="submit" disabled={busy || !ready}>
        {t('integrations.new.create')}
      </button>
    </form>
  );
}
