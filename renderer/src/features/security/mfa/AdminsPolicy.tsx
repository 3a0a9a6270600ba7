import { useId, useState } from 'react';
import type { MfaStatus } from '../../../../../common/api/mfa';
import type { ReplyError } from '../../../../../common/result';
import { api } from '../../../api/client';
import type { MfaT } from './useMfaT';

/**
 * Admins only: the workspace policy "admins must use two-step sign-in". The server refuses
 * to turn it on for an admin who does not use it yet, so the switch waits for enrolment.
 */
export function AdminsPolicy(props: {
  readonly t: MfaT;
  readonly status: MfaStatus;
  readonly onDone: (s: MfaStatus) => void;
  readonly onError: (e: ReplyError) => void;
}) {
  const { t, status } = props;
  const hintId = useId();
  const [busy, setBusy] = useState(false);
  const set = async (adminsRequireMfa: boolean) => {
    setBusy(true);
    const r = await api().invoke('mfa:policy:set', { adminsRequireMfa });
    setBusy(false);
    if (r.ok) props.onDone(r.value);
    else props.onError(r.error);
  };
  const locked = !status.enabled && !status.adminsRequireMfa;
  return (
    <fieldset className="team-form">
      <legend>{t('mfa.policy.heading')}</legend>
      <label className="inline">
        <input
          type="checkbox"
          checked={status.adminsRequireMfa}
          disabled={busy || locked}
          aria-describedby={hintId}
          onChange={e => void set(e.target.checked)}
        />
        {t('mfa.policy.label')}
      </label>
      <p id={hintId} className="team-hint">
        {t(locked ? 'mfa.policy.enrolFirst' : 'mfa.policy.hint')}
      </p>
    </fieldset>
  );
}
