import { useCallback, useEffect, useState } from 'react';
import type { DeviceSession } from '../../../../common/api/security';
import { api } from '../../api/client';
import { localeOf, useI18n } from '../../i18n';
import type { SecurityT } from './useSecurityT';
import { errorText } from '../../lib/error-text';

type Load = { readonly state: 'loading' } | { readonly state: 'failed'; readonly message: string } | DevicesLoaded;
type DevicesLoaded = { readonly state: 'loaded'; readonly devices: readonly DeviceSession[] };

/**
 * The devices signed in as a member (without memberId: as me), each with "Sign out this
 * device" except the one this desktop uses (Sign out above does that, and says what it deletes).
 */
export function DevicesList({ t, memberId }: { readonly t: SecurityT; readonly memberId?: string }) {
  const language = useI18n(s => s.language);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const r = await api().invoke('security:sessions', memberId ? { memberId } : {});
    setLoad(r.ok ? { state: 'loaded', devices: r.value } : { state: 'failed', message: errorText(r.error) });
  }, [memberId]);
  useEffect(() => {
    setLoad({ state: 'loading' });
    setMessage(null);
    void refresh();
  }, [refresh]);

  const signOut = async (d: DeviceSession) => {
    setBusy(d.id);
    setError(null);
    const r = await api().invoke('security:revokeSession', { sessionId: d.id });
    setBusy(null);
    if (!r.ok) return setError(t('security.devices.signOutFailed', { message: errorText(r.error) }));
    setMessage(t('security.devices.signedOut', { device: d.deviceName }));
    await refresh();
  };

  const when = (ms: number) =>
    new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

  if (load.state === 'loading') return <p className="team-muted">{t('security.devices.loading')}</p>;
  if (load.state === 'failed')
    return (
      <p role="alert" className="team-error">
        {t('security.devices.failed', { message: load.message })}
      </p>
    );
  return (
    <>
      <p role="status" className="team-ok">
        {message}
      </p>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      {load.devices.length === 0 ? (
        <p className="team-muted">{t('security.devices.none')}</p>
      ) : (
        <div className="team-table-scroll">
          <table className="team-table" data-testid="security-devices">
            <thead>
              <tr>
                <th scope="col">{t('security.devices.device')}</th>
                <th scope="col">{t('security.devices.lastSeen')}</th>
                <th scope="col">{t('security.devices.ip')}</th>
                <th scope="col">{t('security.devices.created')}</th>
                <th scope="col">
                  <span className="team-visually-hidden">{t('security.devices.signOut')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {load.devices.map(d => (
                <tr key={d.id} data-testid="security-device-row">
                  <th scope="row">
                    {d.deviceName}
                    {d.platform && <span className="team-muted"> · {t(`security.platform.${d.platform}`)}</span>}
                    {d.current && <span className="team-role"> {t('security.devices.current')}</span>}
                  </th>
                  <td>{when(d.lastSeenAt)}</td>
                  <td>{d.ip ?? t('security.devices.unknownIp')}</td>
                  <td>{when(d.createdAt)}</td>
                  <td>
                    {!d.current && (
                      <button
                        type="button"
                        className="danger"
                        disabled={busy === d.id}
                        aria-label={t('security.devices.signOutOf', { device: d.deviceName })}
                        onClick={() => void signOut(d)}
                      >
                        {t('security.devices.signOut')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
