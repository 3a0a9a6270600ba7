import { useCallback, useEffect, useId, useState } from 'react';
import type { ApiKey, ApiKeyCreated } from '../../../../common/api/integrations';
import { can } from '../../../../common/permissions';
import { api } from '../../api/client';
import { useTimeFormat } from '../audit/useAuditT';
import { useTeamAdmin } from '../../stores/team-admin';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import type { IntegrationsPhrase } from './logic';
import { integrationsErrorPhrase } from './logic';
import { NewKeyForm } from './NewKeyForm';
import { SecretPanel } from './SecretPanel';
import type { IntegrationsT } from './useIntegrationsT';
import { useIntegrationsT } from './useIntegrationsT';
import './integrations.css';

/**
 * Settings → Integrations, for admins in a workspace: the REST API's keys (docs/api.md).
 * Lists them, creates one (its secret shown once) and revokes after a confirmation. Keys
 * live on the server, so the section needs a connection.
 */
export function ApiKeys() {
  const t = useIntegrationsT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const accounts = useTeamAdmin(s => s.accounts);
  const loadAccounts = useTeamAdmin(s => s.loadAccounts);
  const [keys, setKeys] = useState<readonly ApiKey[] | null>(null);
  const [created, setCreated] = useState<ApiKeyCreated | null>(null);
  const [message, setMessage] = useState<IntegrationsPhrase | null>(null);
  const [error, setError] = useState<IntegrationsPhrase | null>(null);
  const headingId = useId();
  const admin = me !== null && can(me.role, 'apikeys.manage');
  const online = connection === 'online';
  useEffect(() => retainWorkspace(), []);

  const reload = useCallback(async () => {
    const r = await api().invoke('apiKeys:list', {});
    if (r.ok) setKeys(r.value);
    else setError(integrationsErrorPhrase(r.error));
  }, []);
  useEffect(() => {
    if (!admin || !online) return;
    void reload();
    void loadAccounts();
  }, [admin, online, reload, loadAccounts]);

  if (!me || connection === 'signed_out' || !admin) return null;
  const report = (ok: IntegrationsPhrase | null, err: IntegrationsPhrase | null) => {
    setMessage(ok);
    setError(err);
  };

  return (
    <section className="team-admin integrations" aria-labelledby={headingId} data-testid="integrations-settings">
      <h3 id={headingId}>{t('integrations.heading')}</h3>
      <p className="team-hint">{t('integrations.intro')}</p>
      {!online && <p className="team-banner team-banner-warn">{t('integrations.offline')}</p>}
      <p role="status" className="team-ok">
        {message && t(message.key, message.vars)}
      </p>
      {error && (
        <p role="alert" className="team-error">
          {t(error.key, error.vars)}
        </p>
      )}
      {created && <SecretPanel t={t} created={created} onDone={() => setCreated(null)} />}
      {keys !== null && (
        <KeyTable
          t={t}
          keys={keys}
          online={online}
          accountName={id => accounts.find(a => a.id === id)?.name ?? id}
          onRevoked={key => {
            report({ key: 'integrations.revoked', vars: { name: key.name } }, null);
            void reload();
          }}
          onError={err => report(null, err)}
        />
      )}
      {online && (
        <NewKeyForm
          t={t}
          accounts={accounts}
          onCreated={c => {
            report(null, null);
            setCreated(c);
            void reload();
          }}
          onError={err => report(null, err)}
        />
      )}
    </section>
  );
}

type TableProps = {
  readonly t: IntegrationsT;
  readonly keys: readonly ApiKey[];
  readonly online: boolean;
  readonly accountName: (id: string) => string;
  readonly onRevoked: (key: ApiKey) => void;
  readonly onError: (error: IntegrationsPhrase) => void;
};

function KeyTable({ t, keys, online, accountName, onRevoked, onError }: TableProps) {
  const time = useTimeFormat();
  if (keys.length === 0) return <p className="team-muted">{t('integrations.none')}</p>;
  return (
    <table className="integrations-keys">
      <thead>
        <tr>
          <th scope="col">{t('integrations.col.name')}</th>
          <th scope="col">{t('integrations.col.prefix')}</th>
          <th scope="col">{t('integrations.col.scopes')}</th>
          <th scope="col">{t('integrations.col.numbers')}</th>
          <th scope="col">{t('integrations.col.created')}</th>
          <th scope="col">{t('integrations.col.lastUsed')}</th>
          <th scope="col">{t('integrations.col.state')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map(k => (
          <tr key={k.id} data-testid="api-key-row">
            <td>{k.name}</td>
            <td>
              <code>bdk_{k.prefix}_…</code>
            </td>
            <td>{k.scopes.join(', ')}</td>
            <td>{k.accountIds === null ? t('integrations.allNumbers') : k.accountIds.map(accountName).join(', ')}</td>
            <td>{time(k.createdAt)}</td>
            <td>{k.lastUsedAt === null ? t('integrations.never') : time(k.lastUsedAt)}</td>
            <td>
              {k.revokedAt !== null ? (
                t('integrations.revokedAt', { when: time(k.revokedAt) })
              ) : (
                <RevokeButton t={t} apiKey={k} online={online} onRevoked={onRevoked} onError={onError} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RevokeButton({
  t,
  apiKey,
  online,
  onRevoked,
  onError,
}: Omit<TableProps, 'keys' | 'accountName'> & { readonly apiKey: ApiKey }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    const r = await api().invoke('apiKeys:revoke', { id: apiKey.id });
    setBusy(false);
    setAsking(false);
    if (r.ok) onRevoked(r.value);
    else onError(integrationsErrorPhrase(r.error));
  };
  if (!asking)
    return (
      <>
        {t('integrations.active')}{' '}
        <button type="button" disabled={!online} onClick={() => setAsking(true)}>
          {t('integrations.revoke')}
        </button>
      </>
    );
  return (
    <span role="group" aria-label={t('integrations.revoke')}>
      <span>{t('integrations.revoke.confirm', { name: apiKey.name })}</span>{' '}
      <button type="button" disabled={busy} onClick={() => void revoke()}>
        {t('integrations.revoke.yes')}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        {t('integrations.revoke.no')}
      </button>
    </span>
  );
}
