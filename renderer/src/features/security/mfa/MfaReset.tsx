import { useState } from 'react';
import type { Member } from '../../../../../common/domain';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { api } from '../../../api/client';
import { reasonOf } from './logic';
import { useMfaT } from './useMfaT';
import { errorText } from '../../../lib/error-text';

/**
 * Settings → Members → a member (admins): turns off their two-step sign-in when they lost
 * both phone and recovery codes. It signs them out everywhere; they sign in with their
 * password and can set it up again.
 */
export function MfaReset({ member }: { readonly member: Member }) {
  const t = useMfaT();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);

  const reset = async () => {
    setConfirming(false);
    const r = await api().invoke('mfa:reset', { memberId: member.id });
    if (r.ok) return setResult({ ok: true, text: t('mfa.reset.done', { name: member.name }) });
    const text =
      reasonOf(r.error) === 'mfa_not_enabled'
        ? t('mfa.reset.notOn', { name: member.name })
        : t('mfa.error.failed', { message: errorText(r.error) });
    setResult({ ok: false, text });
  };
  return (
    <>
      <div className="team-actions">
        <button
          type="button"
          className="danger"
          aria-label={t('mfa.reset.startOf', { name: member.name })}
          onClick={() => setConfirming(true)}
        >
          {t('mfa.reset.start')}
        </button>
      </div>
      {result && (
        <p role={result.ok ? 'status' : 'alert'} className={result.ok ? 'team-hint' : 'team-error'}>
          {result.text}
        </p>
      )}
      {confirming && (
        <ConfirmDialog
          title={t('mfa.reset.confirmTitle', { name: member.name })}
          confirmLabel={t('mfa.reset.start')}
          danger
          onConfirm={() => void reset()}
          onCancel={() => setConfirming(false)}
        >
          <p>{t('mfa.reset.confirmBody', { name: member.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
