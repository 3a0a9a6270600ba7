import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Member, Role } from '../../../../common/domain';
import { MAX_EMAIL_CHARS } from '../../../../common/limits';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useTeamAdmin } from '../../stores/team-admin';
import { retainWorkspace, useWorkspace } from '../../stores/workspace';
import { MemberDevices } from '../security';
import { AccountAccess } from './AccountAccess';
import { ROLES, adminErrorPhrase, canManageMembers, newMemberProblem, rowEditable, sortForAdmin } from './admin-logic';
import { PresenceDot } from './PresenceDot';
import type { TeamT } from './useTeamT';
import { phrase, useTeamT } from './useTeamT';
import './team.css';

/**
 * Settings → Members, for admins: every member with role, presence and active state; a
 * form to add one; and which members work on each WhatsApp number. Renders nothing for
 * other roles or without a workspace. Changes need the server; offline the list is read-only.
 */
export function MembersAdmin() {
  const t = useTeamT();
  const me = useWorkspace(s => s.status.member);
  const connection = useWorkspace(s => s.status.connection);
  const members = useWorkspace(s => s.members);
  const headingId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => retainWorkspace(), []);

  if (!me || connection === 'signed_out' || !canManageMembers(me.role)) return null;
  const online = connection === 'online';
  const report = (ok: string | null, err: string | null) => {
    setMessage(ok);
    setError(err);
  };

  return (
    <section className="team-admin" aria-labelledby={headingId} data-testid="team-members">
      <h3 id={headingId}>{t('team.members.heading')}</h3>
      <p className="team-hint">{t('team.members.intro')}</p>
      {!online && <p className="team-banner team-banner-warn">{t('team.members.offline')}</p>}
      <p role="status" className="team-ok">
        {message}
      </p>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      <MembersTable t={t} members={members} meId={me.id} online={online} report={report} />
      <p className="team-hint">{t('team.members.selfHint')}</p>
      <p className="team-hint">{t('team.members.rolesHint')}</p>
      {online && <NewMemberForm t={t} report={report} />}
      <AccountAccess t={t} online={online} />
      <MemberDevices members={members} online={online} />
    </section>
  );
}

type Report = (ok: string | null, err: string | null) => void;

type TableProps = {
  readonly t: TeamT;
  readonly members: readonly Member[];
  readonly meId: string;
  readonly online: boolean;
  readonly report: Report;
};

function MembersTable({ t, members, meId, online, report }: TableProps) {
  const updateMember = useTeamAdmin(s => s.updateMember);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Member | null>(null);

  const update = async (m: Member, patch: { role?: Role; active?: boolean }) => {
    setBusy(m.id);
    const r = await updateMember({ memberId: m.id, ...patch });
    setBusy(null);
    if (!r.ok) return report(null, phrase(t, adminErrorPhrase(r.error, 'update')));
    const name = r.value.name;
    if (patch.active === false) report(t('team.members.deactivated', { name }), null);
    else if (patch.active === true) report(t('team.members.reactivated', { name }), null);
    else report(t('team.members.saved', { name, role: t(`team.role.${r.value.role}`) }), null);
  };

  return (
    <>
      <div className="team-table-scroll">
        <table className="team-table team-members-table">
          <thead>
            <tr>
              <th scope="col">{t('team.members.name')}</th>
              <th scope="col">{t('team.members.role')}</th>
              <th scope="col">{t('team.members.state')}</th>
              <th scope="col">
                <span className="team-visually-hidden">{t('team.members.deactivate')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sortForAdmin(members).map(m => {
              const editable = online && rowEditable(m, meId) && busy !== m.id;
              return (
                <tr key={m.id} className={m.active ? undefined : 'team-inactive'} data-testid="team-member-row">
                  <th scope="row">
                    <PresenceDot t={t} memberId={m.id} name={m.name} /> {m.name}
                    {m.id === meId && <span className="team-muted"> {t('team.members.you')}</span>}
                    <span className="team-email">{m.email}</span>
                  </th>
                  <td>
                    <select
                      aria-label={t('team.members.roleOf', { name: m.name })}
                      value={m.role}
                      disabled={!editable}
                      onChange={e => void update(m, { role: e.target.value as Role })}
                    >
                      {ROLES.map(r => (
                        <option key={r} value={r}>
                          {t(`team.role.${r}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>{m.active ? t('team.members.active') : t('team.members.inactive')}</td>
                  <td>
                    {m.active ? (
                      <button
                        type="button"
                        className="danger"
                        disabled={!editable}
                        aria-label={t('team.members.deactivateOf', { name: m.name })}
                        onClick={() => setConfirming(m)}
                      >
                        {t('team.members.deactivate')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        disabled={!editable}
                        aria-label={t('team.members.reactivateOf', { name: m.name })}
                        onClick={() => void update(m, { active: true })}
                      >
                        {t('team.members.reactivate')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {confirming && (
        <ConfirmDialog
          title={t('team.members.confirmTitle', { name: confirming.name })}
          confirmLabel={t('team.members.deactivate')}
          danger
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const m = confirming;
            setConfirming(null);
            void update(m, { active: false });
          }}
        >
          <p>{t('team.members.confirmBody', { name: confirming.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}

function NewMemberForm({ t, report }: { readonly t: TeamT; readonly report: Report }) {
  const createMember = useTeamAdmin(s => s.createMember);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const ids = { name: useId(), email: useId(), role: useId(), password: useId(), hint: useId(), heading: useId() };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const draft = { name: name.trim(), email: email.trim(), role, password };
    const problem = newMemberProblem(draft);
    if (problem) return report(null, phrase(t, problem));
    setBusy(true);
    const r = await createMember(draft);
    setBusy(false);
    if (!r.ok) return report(null, phrase(t, adminErrorPhrase(r.error, 'create')));
    report(t('team.members.created', { name: r.value.name }), null);
    setName('');
    setEmail('');
    setPassword('');
    setRole('agent');
  };

  return (
    <form className="team-form team-new-member" aria-labelledby={ids.heading} onSubmit={e => void submit(e)}>
      <h4 id={ids.heading}>{t('team.members.add')}</h4>
      <label htmlFor={ids.name}>{t('team.members.name')}</label>
      <input id={ids.name} value={name} maxLength={200} onChange={e => setName(e.target.value)} />
      <label htmlFor={ids.email}>{t('team.members.email')}</label>
      <input
        id={ids.email}
        type="email"
        value={email}
        maxLength={MAX_EMAIL_CHARS}
        onChange={e => setEmail(e.target.value)}
      />
      <label htmlFor={ids.role}>{t('team.members.role')}</label>
      <select id={ids.role} value={role} onChange={e => setRole(e.target.value as Role)}>
        {ROLES.map(r => (
          <option key={r} value={r}>
            {t(`team.role.${r}`)}
          </option>
        ))}
      </select>
      <label htmlFor={ids.password}>{t('team.members.password')}</label>
      <input
        id={ids.password}
        type="password"
        autoComplete="new-password"
        value={password}
        maxLength={200}
        aria-describedby={ids.hint}
        onChange={e => setPassword(e.target.value)}
      />
      <p id={ids.hint} className="team-hint">
        {t('team.members.passwordHint')}
      </p>
      <div className="team-actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
          {busy ? t('team.members.busy') : t('team.members.submit')}
        </button>
      </div>
    </form>
  );
}
