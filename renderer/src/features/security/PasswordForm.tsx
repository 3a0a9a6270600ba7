import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { api } from '../../api/client';
import { newPasswordProblem, passwordChangeErrorPhrase } from './logic';
import type { SecurityPhrase } from './logic';
import type { SecurityT } from './useSecurityT';

/** Settings → Security → Change password: current + new (twice); other devices are signed out. */
export function PasswordForm({ t }: { readonly t: SecurityT }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ids = { heading: useId(), current: useId(), next: useId(), confirm: useId(), hint: useId() };
  const say = (p: SecurityPhrase) => t(p.key, p.vars);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    const problem = newPasswordProblem({ current, next, confirm });
    if (problem) return setError(say(problem));
    setBusy(true);
    setError(null);
    const r = await api().invoke('security:changePassword', { currentPassword: current, newPassword: next });
    setBusy(false);
    if (!r.ok) return setError(say(passwordChangeErrorPhrase(r.error)));
    setCurrent('');
    setNext('');
    setConfirm('');
    setMessage(t('security.password.changed', { n: r.value.signedOut }));
  };

  return (
    <form className="team-form" aria-labelledby={ids.heading} onSubmit={e => void submit(e)}>
      <h4 id={ids.heading}>{t('security.password.heading')}</h4>
      <label htmlFor={ids.current}>{t('security.password.current')}</label>
      <input
        id={ids.current}
        type="password"
        autoComplete="current-password"
        required
        maxLength={200}
        value={current}
        onChange={e => setCurrent(e.target.value)}
      />
      <label htmlFor={ids.next}>{t('security.password.new')}</label>
      <input
        id={ids.next}
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        aria-describedby={ids.hint}
        value={next}
        onChange={e => setNext(e.target.value)}
      />
      <label htmlFor={ids.confirm}>{t('security.password.confirm')}</label>
      <input
        id={ids.confirm}
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        value={confirm}
        onChange={e => setConfirm(e.target.value)}
      />
      <p id={ids.hint} className="team-hint">
        {t('security.password.hint')}
      </p>
      <p role="status" className="team-ok">
        {message}
      </p>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      <div className="team-actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('security.password.busy') : t('security.password.submit')}
        </button>
      </div>
    </form>
  );
}
