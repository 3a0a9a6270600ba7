import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { WorkspaceStatus } from '../../../../common/api/workspace';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ResetCodeField, SessionRefusal, useSecurityT, useSignInWait } from '../security';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { defaultDeviceName, isServerUrl, signInErrorPhrase } from './logic';
import { useSignInCode } from '../security/mfa';
import type { TeamT } from './useTeamT';
import { phrase, useTeamT } from './useTeamT';
import './team.css';
import { errorText } from '../../lib/error-text';

/**
 * The workspace section of Settings: a sign-in form when signed out; who, where and how
 * well connected when signed in, with a sign-out that says what it deletes.
 */
export function WorkspacePanel() {
  const t = useTeamT();
  const status = useWorkspace(s => s.status);
  const loaded = useWorkspace(s => s.loaded);
  const headingId = useId();
  useEffect(() => retainWorkspace(), []);

  return (
    <section className="team-workspace" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('team.workspace.heading')}</h3>
      {!loaded ? null : status.connection === 'signed_out' ? (
        <SignInForm t={t} lastError={status.lastError} />
      ) : (
        <>
          {/* Refused (expired, or a token the server does not know): sign in again here, the chats stay. */}
          {status.connection === 'unauthorized' && <SignInForm t={t} lastError={null} again={status} />}
          <SignedIn t={t} status={status} />
        </>
      )}
    </section>
  );
}

type SignInProps = {
  readonly t: TeamT;
  readonly lastError: string | null;
  /** Signing in again after a refusal: the same server, e-mail and device name, and why. */
  readonly again?: WorkspaceStatus;
};

function SignInForm({ t, lastError, again }: SignInProps) {
  const signIn = useWorkspace(s => s.signIn);
  const waitMessage = useSignInWait();
  const st = useSecurityT();
  /** Not null while the member signs in with an admin's reset code (the password is then the new one). */
  const [resetCode, setResetCode] = useState<string | null>(null);
  const [serverUrl, setServerUrl] = useState(again?.serverUrl ?? '');
  const [email, setEmail] = useState(again?.member?.email ?? '');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(
    () => again?.deviceName ?? phrase(t, defaultDeviceName(navigator.platform)),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const code = useSignInCode();
  const ids = { url: useId(), email: useId(), password: useId(), device: useId(), hint: useId(), error: useId() };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isServerUrl(serverUrl)) {
      setError(t('team.signIn.badUrl'));
      return;
    }
    if (resetCode !== null && password.length < 10) return setError(st('security.password.tooShort'));
    setBusy(true);
    setError(null);
    const name = deviceName.trim();
    const r = await signIn({
      serverUrl: serverUrl.trim(),
      email: email.trim(),
      password,
      ...(name ? { deviceName: name } : {}),
      ...(resetCode !== null ? { resetCode: resetCode.trim() } : {}),
      ...code.args,
    });
    setBusy(false);
    if (!r.ok) {
      // A second-factor refusal keeps the password: the form sends it again with the code.
      const asked = code.refused(r.error);
      setError(waitMessage(r.error) ?? asked ?? phrase(t, signInErrorPhrase(r.error)));
      // Keep what was typed except the password, which is retyped after a refusal anyway.
      if (r.error.code === 'unauthenticated' && asked === null) setPassword('');
    }
  };

  const shown = error ?? lastError;
  return (
    <form className="team-form" onSubmit={e => void submit(e)} aria-describedby={shown ? ids.error : undefined}>
      {again ? <SessionRefusal refusal={again.refusal} /> : <p className="team-muted">{t('team.workspace.intro')}</p>}
      <label htmlFor={ids.url}>{t('team.signIn.serverUrl')}</label>
      <input
        id={ids.url}
        type="url"
        inputMode="url"
        autoComplete="url"
        placeholder="https://team.example.com"
        required
        value={serverUrl}
        onChange={e => setServerUrl(e.target.value)}
      />
      <label htmlFor={ids.email}>{t('team.signIn.email')}</label>
      <input
        id={ids.email}
        type="email"
        autoComplete="username"
        required
        value={email}
        onChange={e => setEmail(e.target.value)}
      />
      <ResetCodeField value={resetCode} onChange={setResetCode} />
      <label htmlFor={ids.password}>
        {resetCode === null ? t('team.signIn.password') : st('security.reset.newPassword')}
      </label>
      <input
        id={ids.password}
        type="password"
        autoComplete={resetCode === null ? 'current-password' : 'new-password'}
        required
        value={password}
        onChange={e => setPassword(e.target.value)}
      />
      <label htmlFor={ids.device}>{t('team.signIn.deviceName')}</label>
      <input
        id={ids.device}
        type="text"
        maxLength={100}
        aria-describedby={ids.hint}
        value={deviceName}
        onChange={e => setDeviceName(e.target.value)}
      />
      <p id={ids.hint} className="team-hint">
        {t('team.signIn.deviceHint')}
      </p>
      {code.field}
      {shown && (
        <p id={ids.error} role="alert" className="team-error">
          {shown}
        </p>
      )}
      <div className="team-actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('team.signIn.busy') : t('team.signIn.submit')}
        </button>
      </div>
    </form>
  );
}

function SignedIn({ t, status }: { readonly t: TeamT; readonly status: WorkspaceStatus }) {
  const signOut = useWorkspace(s => s.signOut);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const member = status.member;

  const confirm = async () => {
    setConfirming(false);
    const r = await signOut();
    if (!r.ok) setError(t('team.signOut.failed', { message: errorText(r.error) }));
  };

  return (
    <div className="team-signed-in">
      <dl className="team-facts">
        {member && (
          <>
            <dt>{t('team.ws.member')}</dt>
            <dd>
              {member.name}{' '}
              <span className={`team-role team-role-${member.role}`}>{t(`team.role.${member.role}`)}</span>
              <div className="team-muted">{member.email}</div>
            </dd>
          </>
        )}
        <dt>{t('team.ws.server')}</dt>
        <dd>{status.serverUrl}</dd>
        {status.deviceName && (
          <>
            <dt>{t('team.ws.device')}</dt>
            <dd>{status.deviceName}</dd>
          </>
        )}
        <dt>{t('team.ws.connection')}</dt>
        <dd>
          <span className={`team-conn team-conn-${status.connection}`} data-testid="workspace-connection">
            {t(`team.conn.${status.connection}`)}
          </span>
          {status.connection !== 'online' && status.lastError && <div className="team-error">{status.lastError}</div>}
        </dd>
        <dt>{t('team.ws.pendingPush')}</dt>
        <dd data-testid="workspace-pending">{status.pendingPush}</dd>
      </dl>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      <div className="team-actions">
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('team.signOut')}
        </button>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('team.signOut.title')}
          confirmLabel={t('team.signOut.confirm')}
          danger
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(false)}
        >
          {t('team.signOut.body', { n: status.pendingPush })}
        </ConfirmDialog>
      )}
    </div>
  );
}
