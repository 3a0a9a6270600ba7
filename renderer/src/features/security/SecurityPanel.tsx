import { useEffect, useId } from 'react';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { DevicesList } from './DevicesList';
import { PasswordForm } from './PasswordForm';
import { useSecurityT } from './useSecurityT';
import '../team/team.css';

/**
 * Settings → Security, when signed in to a workspace: the devices signed in as me and a
 * password change. Both need the server: offline it says so instead of showing a stale list.
 */
export function SecurityPanel() {
  const t = useSecurityT();
  const connection = useWorkspace(s => s.status.connection);
  const headingId = useId();
  const devicesId = useId();
  useEffect(() => retainWorkspace(), []);

  if (connection === 'signed_out' || connection === 'unauthorized') return null;
  return (
    <section className="team-workspace" aria-labelledby={headingId} data-testid="security-panel">
      <h3 id={headingId}>{t('security.heading')}</h3>
      <section aria-labelledby={devicesId}>
        <h4 id={devicesId}>{t('security.devices.heading')}</h4>
        <p className="team-hint">{t('security.devices.intro')}</p>
        {connection === 'online' ? (
          <DevicesList t={t} />
        ) : (
          <p className="team-muted">{t('security.devices.offline')}</p>
        )}
      </section>
      {connection === 'online' && <PasswordForm t={t} />}
    </section>
  );
}
