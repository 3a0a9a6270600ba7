import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { MfaT } from './useMfaT';
import type { MfaMessageKey } from '../../../i18n/mfa.en';

/**
 * A current 6-digit code from the authenticator app and one button: turning two-step sign-in
 * off and replacing the recovery codes both ask for one (the server checks it).
 */
export function CodeForm(props: {
  readonly t: MfaT;
  readonly label: MfaMessageKey;
  readonly action: MfaMessageKey;
  readonly onSubmit: (code: string) => Promise<void>;
}) {
  const { t } = props;
  const id = useId();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    await props.onSubmit(code.trim());
    setBusy(false);
    setCode('');
  };
  return (
    <form className="team-form" onSubmit={e => void submit(e)}>
      <label htmlFor={id}>{t(props.label)}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]{6}"
        maxLength={6}
        required
        value={code}
        onChange={e => setCode(e.target.value)}
      />
      <div className="team-actions">
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t('mfa.busy') : t(props.action)}
        </button>
      </div>
    </form>
  );
}
