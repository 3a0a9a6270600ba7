import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { MfaConfirmed, MfaEnrolment, MfaStatus } from '../../../../../common/api/mfa';
import type { ReplyError } from '../../../../../common/result';
import { api } from '../../../api/client';
import { useWorkspace } from '../../../stores/workspace';
import { AdminsPolicy } from './AdminsPolicy';
import { CodeForm } from './CodeForm';
import { enrolErrorPhrase } from './logic';
import type { MfaT } from './useMfaT';
import { useMfaT } from './useMfaT';

/**
 * Settings → "Two-step sign-in" for the signed-in member: whether it is on, turning it on
 * (a QR of the otpauth:// URI and its key as text, confirmed with a current code), new
 * recovery codes, turning it off, and for admins the workspace policy.
 */
export function TwoStepSection() {
  const t = useMfaT();
  const online = useWorkspace(s => s.status.connection === 'online');
  const isAdmin = useWorkspace(s => s.status.member?.role === 'admin');
  const required = useWorkspace(s => s.status.mfaEnrolmentRequired === true);
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const [status, setStatus] = useState<MfaStatus | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<readonly string[] | null>(null);
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const show = useCallback((e: ReplyError) => setError(describe(t, e)), [t]);

  useEffect(() => {
    if (!online) return;
    let live = true;
    void api()
      .invoke('mfa:status', {})
      .then(r => live && (r.ok ? setStatus(r.value) : show(r.error)));
    return () => {
      live = false;
    };
  }, [online, show]);
  // Sent here because the workspace requires it: the section is what the admin must see.
  useEffect(() => {
    if (required) sectionRef.current?.scrollIntoView({ block: 'start' });
  }, [required, online]);

  // New recovery codes stay on screen through a reconnect (enrolling under the admins' policy
  // makes one): they are shown only this once.
  if (!online && !recoveryCodes) return null;
  const done = (s: MfaStatus) => {
    setStatus(s);
    setError(null);
  };
  const disable = async (code: string) => {
    const r = await api().invoke('mfa:disable', { code });
    if (r.ok) done(r.value);
    else show(r.error);
  };
  const regenerate = async (code: string) => {
    const r = await api().invoke('mfa:recovery-regenerate', { code });
    if (!r.ok) return show(r.error);
    done(r.value);
    setRecoveryCodes(r.value.recoveryCodes);
  };
  const start = async () => {
    setBusy(true);
    setError(null);
    const r = await api().invoke('mfa:enrol', {});
    setBusy(false);
    if (r.ok) setEnrolment(r.value);
    else show(r.error);
  };
  return (
    <section className="team-workspace" aria-labelledby={headingId} ref={sectionRef} data-testid="two-step">
      <h3 id={headingId}>{t('mfa.heading')}</h3>
      <p className="team-muted">{t('mfa.intro')}</p>
      {status?.required && (
        <p role="alert" className="team-error">
          {t('mfa.required.section')}
        </p>
      )}
      {recoveryCodes ? (
        <RecoveryCodes t={t} codes={recoveryCodes} onSaved={() => setRecoveryCodes(null)} />
      ) : status?.enabled ? (
        <>
          <p>{t('mfa.on')}</p>
          <p className="team-muted">{t('mfa.recovery.left', { count: status.recoveryCodesLeft })}</p>
          <CodeForm t={t} label="mfa.recovery.newCode" action="mfa.recovery.regenerate" onSubmit={regenerate} />
          <CodeForm t={t} label="mfa.disable.code" action="mfa.disable" onSubmit={disable} />
        </>
      ) : enrolment ? (
        <Enrolment
          t={t}
          enrolment={enrolment}
          onDone={s => {
            setStatus(s);
            setRecoveryCodes(s.recoveryCodes);
            setEnrolment(null);
            setError(null);
          }}
          onError={show}
        />
      ) : (
        <div className="team-actions">
          <p>{t('mfa.off')}</p>
          <button type="button" disabled={busy || status === null} onClick={() => void start()}>
            {busy ? t('mfa.busy') : t('mfa.start')}
          </button>
        </div>
      )}
      {isAdmin && status && <AdminsPolicy t={t} status={status} onDone={done} onError={show} />}
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
    </section>
  );
}

function describe(t: MfaT, e: ReplyError): string {
  const key = enrolErrorPhrase(e);
  return key ? t(key) : t('mfa.error.failed', { message: e.message });
}

function Enrolment(props: {
  readonly t: MfaT;
  readonly enrolment: MfaEnrolment;
  readonly onDone: (s: MfaConfirmed) => void;
  readonly onError: (e: ReplyError) => void;
}) {
  const { t, enrolment } = props;
  const ids = { secret: useId(), code: useId() };
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    // Loaded on use: this module reaches the first bundle through the mfa barrel (#23).
    import('qrcode')
      .then(({ toDataURL }) => toDataURL(enrolment.uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' }))
      .then(url => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [enrolment.uri]);

  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await api().invoke('mfa:confirm', { code: code.trim() });
    setBusy(false);
    if (r.ok) return props.onDone(r.value);
    setCode('');
    props.onError(r.error);
  };
  return (
    <form className="team-form" onSubmit={e => void confirm(e)}>
      <p>{t('mfa.scan')}</p>
      {qr && <img className="qr" src={qr} width={200} height={200} alt={t('mfa.qrAlt')} />}
      <label htmlFor={ids.secret}>{t('mfa.secret')}</label>
      <input id={ids.secret} type="text" readOnly value={enrolment.secret} />
      <label htmlFor={ids.code}>{t('mfa.code')}</label>
      <input
        id={ids.code}
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
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('mfa.busy') : t('mfa.confirm')}
        </button>
      </div>
    </form>
  );
}

/** The ten recovery codes, shown once: the server keeps only their hashes. */
function RecoveryCodes(props: { readonly t: MfaT; readonly codes: readonly string[]; readonly onSaved: () => void }) {
  const { t, codes } = props;
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('mfa.recovery.heading')}</h4>
      <p>{t('mfa.recovery.intro')}</p>
      <ul className="mfa-recovery-codes">
        {codes.map(c => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
      <div className="team-actions">
        <button type="button" className="primary" onClick={props.onSaved}>
          {t('mfa.recovery.saved')}
        </button>
      </div>
    </div>
  );
}
