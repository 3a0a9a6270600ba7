import { useId, useState } from 'react';
import type { Member } from '../../../../common/domain';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { api } from '../../api/client';
import { localeOf, useI18n } from '../../i18n';
import { DevicesList } from './DevicesList';
import { MfaReset } from './mfa';
import type { SecurityT } from './useSecurityT';
import { useSecurityT } from './useSecurityT';
import { errorText } from '../../lib/error-text';

/**
 * Settings → Members (admins): the devices signed in as one member, each of which can be
 * signed out, and "Reset password", which signs the member out everywhere and shows a
 * one-time code once, to hand over.
 */
export function MemberDevices({ members, online }: { readonly members: readonly Member[]; readonly online: boolean }) {
  const t = useSecurityT();
  const ids = { heading: useId(), member: useId() };
  const [memberId, setMemberId] = useState<string>('');
  const active = members.filter(m => m.active);
  const chosen = active.find(m => m.id === memberId);

  if (!online) return null;
  return (
    <section className="team-form" aria-labelledby={ids.heading} data-testid="member-devices">
      <h4 id={ids.heading}>{t('security.admin.heading')}</h4>
      <p className="team-hint">{t('security.admin.intro')}</p>
      <label htmlFor={ids.member}>{t('security.admin.member')}</label>
      <select id={ids.member} value={memberId} onChange={e => setMemberId(e.target.value)}>
        <option value="" />
        {active.map(m => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.email})
          </option>
        ))}
      </select>
      {chosen && <DevicesList key={chosen.id} t={t} memberId={chosen.id} />}
      {chosen && <ResetPassword key={`reset-${chosen.id}`} t={t} member={chosen} />}
      {chosen && <MfaReset key={`mfa-${chosen.id}`} member={chosen} />}
    </section>
  );
}

function ResetPassword({ t, member }: { readonly t: SecurityT; readonly member: Member }) {
  const language = useI18n(s => s.language);
  const [confirming, setConfirming] = useState(false);
  const [shown, setShown] = useState<{ code: string; expiresAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setConfirming(false);
    setError(null);
    const r = await api().invoke('security:startReset', { memberId: member.id });
    if (!r.ok) return setError(t('security.reset.failed', { message: errorText(r.error) }));
    setShown(r.value);
  };
  const expires = (ms: number) =>
    new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

  return (
    <>
      <div className="team-actions">
        <button
          type="button"
          className="danger"
          aria-label={t('security.reset.startOf', { name: member.name })}
          onClick={() => setConfirming(true)}
        >
          {t('security.reset.start')}
        </button>
      </div>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      {shown && (
        <div role="status" className="team-banner team-banner-info" data-testid="reset-code-shown">
          <p>{t('security.reset.codeShown', { name: member.name, expires: expires(shown.expiresAt) })}</p>
          <p>
            <code data-testid="reset-code">{shown.code}</code>
          </p>
        </div>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('security.reset.confirmTitle', { name: member.name })}
          confirmLabel={t('security.reset.start')}
          danger
          onConfirm={() => void start()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('security.reset.confirmBody', { name: member.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
