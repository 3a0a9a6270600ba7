import { useId } from 'react';
import { useSecurityT } from './useSecurityT';

/**
 * On the sign-in form: "I have a reset code", and then the code field. While a code is
 * entered (value not null) the form's password is the new password.
 */
export function ResetCodeField({
  value,
  onChange,
}: {
  readonly value: string | null;
  readonly onChange: (next: string | null) => void;
}) {
  const t = useSecurityT();
  const ids = { code: useId(), hint: useId() };
  return (
    <>
      <label className="inline">
        <input type="checkbox" checked={value !== null} onChange={e => onChange(e.target.checked ? '' : null)} />
        {t('security.reset.toggle')}
      </label>
      {value !== null && (
        <>
          <label htmlFor={ids.code}>{t('security.reset.code')}</label>
          <input
            id={ids.code}
            type="text"
            autoComplete="one-time-code"
            required
            maxLength={100}
            aria-describedby={ids.hint}
            value={value}
            onChange={e => onChange(e.target.value)}
          />
          <p id={ids.hint} className="team-hint">
            {t('security.reset.hint')}
          </p>
        </>
      )}
    </>
  );
}
