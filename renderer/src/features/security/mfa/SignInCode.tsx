import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ReplyError } from '../../../../../common/result';
import { signInCodePhrase } from './logic';
import { useMfaT } from './useMfaT';

export type SignInCode = {
  /** What the sign-in sends: the code once the server asked for one. */
  readonly args: { code?: string };
  /** The form's message for a second-factor refusal (and the field appears); null for any other refusal. */
  refused(error: ReplyError): string | null;
  readonly field: ReactNode;
};

/**
 * The sign-in form's code field: hidden until the server answers details.reason
 * 'mfa_required' (after the password was right); then the form sends its fields again with
 * the code (6 digits, or a recovery code).
 */
export function useSignInCode(): SignInCode {
  const t = useMfaT();
  const id = useId();
  const [asked, setAsked] = useState(false);
  const [code, setCode] = useState('');
  const trimmed = code.trim();
  return {
    args: asked && trimmed ? { code: trimmed } : {},
    refused(error) {
      const key = signInCodePhrase(error);
      if (key === null) return null;
      setAsked(true);
      setCode('');
      return t(key);
    },
    field: asked ? (
      <>
        <label htmlFor={id}>{t('mfa.signIn.code')}</label>
        <input
          id={id}
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          required
          maxLength={40}
          autoFocus
          value={code}
          onChange={e => setCode(e.target.value)}
        />
      </>
    ) : null,
  };
}
