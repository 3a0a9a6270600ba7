import { useCallback, useEffect, useId, useState } from 'react';

import type { WireCloudNumber } from '../../../../common/api/cloud';
import { can } from '../../../../common/permissions';
import { api } from '../../api/client';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { AddCloudNumber } from './AddCloudNumber';
import { NumberQuality } from './NumberQuality';
import type { CloudT } from './useCloudT';
import { cloudErrorText, useCloudT } from './useCloudT';

/** Where Meta must send webhooks (docs/cloud-api.md); the server's own address comes first. */
export const CLOUD_WEBHOOK_PATH = '/webhooks/cloud';

/**
 * Settings → WhatsApp Cloud API numbers, for admins while connected to the workspace: the
 * numbers the server hosts, adding one (checked with Meta before it is stored) and removing.
 */
export function CloudNumbersPanel() {
  const t = useCloudT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const headingId = useId();
  useEffect(() => retainWorkspace(), []);
  if (!me || connection === 'signed_out' || !can(me.role, 'accounts.manage')) return null;
  return (
    <section className="cloud-numbers" aria-labelledby={headingId} data-testid="cloud-numbers">
      <h3 id={headingId}>{t('cloud.heading')}</h3>
      <p className="team-hint">{t('cloud.intro')}</p>
      <p className="small muted">{t('cloud.webhook', { path: CLOUD_WEBHOOK_PATH })}</p>
      {connection === 'online' ? (
        <NumberList t={t} />
      ) : (
        <p className="team-banner team-banner-warn">{t('cloud.offline')}</p>
      )}
    </section>
  );
}

function NumberList({ t }: { readonly t: CloudT }) {
  const [numbers, setNumbers] = useState<readonly WireCloudNumber[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await api().invoke('cloudNumbers:list', {});
    if (!r.ok) return setError(cloudErrorText(t, r.error));
    setNumbers(r.value);
    setError(null);
  }, [t]);
  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (accountId: string) => {
    const r = await api().invoke('cloudNumbers:remove', { accountId });
    if (!r.ok) return setError(cloudErrorText(t, r.error));
    setNotice(null);
    await load();
  };

  return (
    <>
      {error && (
        <p role="alert" className="team-banner team-banner-warn">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {numbers.length === 0 && <p className="muted">{t('cloud.empty')}</p>}
      <ul className="webhooks-list">
        {numbers.map(n => (
          <NumberItem key={n.accountId} t={t} number={n} onRemove={() => void remove(n.accountId)} />
        ))}
      </ul>
      <AddCloudNumber
        t={t}
        onAdded={n => {
          setError(null);
          setNotice(t('cloud.added', { name: n.name, phone: n.displayPhone ?? n.phoneNumberId }));
          void load();
        }}
        onError={setError}
      />
    </>
  );
}

function NumberItem(props: { readonly t: CloudT; readonly number: WireCloudNumber; readonly onRemove: () => void }) {
  const { t, number: n } = props;
  const [confirming, setConfirming] = useState(false);
  return (
    <li className="webhooks-item" data-testid="cloud-number">
      <div className="webhooks-row">
        <strong>{n.name}</strong>
        <span className="muted small">
          {n.displayPhone ?? n.phoneNumberId}
          {n.verifiedName ? ` · ${n.verifiedName}` : ''}
        </span>
      </div>
      <NumberQuality t={t} number={n} />
      <div className="webhooks-actions">
        {confirming ? (
          <span role="group">
            {t('cloud.remove.confirm', { name: n.name })}{' '}
            <button type="button" className="danger" onClick={props.onRemove}>
              {t('cloud.remove.yes')}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t('cloud.remove.no')}
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            {t('cloud.remove')}
          </button>
        )}
      </div>
    </li>
  );
}
