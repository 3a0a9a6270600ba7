import { useEffect, useId, useState } from 'react';
import type { WorkspaceAccount } from '../../../../common/api/workspace';
import { useTeamAdmin } from '../../stores/team-admin';
import { useWorkspace } from '../../stores/workspace';
import { accountAccessRows, adminErrorPhrase } from './admin-logic';
import type { TeamT } from './useTeamT';
import { phrase } from './useTeamT';

type Props = { readonly t: TeamT; readonly online: boolean };

/** For each WhatsApp number of the workspace, which members work on it (admins: all, fixed). */
export function AccountAccess({ t, online }: Props) {
  const accounts = useTeamAdmin(s => s.accounts);
  const loaded = useTeamAdmin(s => s.accountsLoaded);
  const loadError = useTeamAdmin(s => s.accountsError);
  const loadAccounts = useTeamAdmin(s => s.loadAccounts);
  const members = useWorkspace(s => s.members);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();

  // Reload on reconnect and when members change: a new member or role changes the rows.
  useEffect(() => {
    if (online) void loadAccounts();
  }, [online, members, loadAccounts]);

  return (
    <section className="team-access" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('team.access.heading')}</h4>
      <p className="team-hint">{t('team.access.intro')}</p>
      {error && (
        <p role="alert" className="team-error">
          {error}
        </p>
      )}
      {loadError && online && (
        <p role="alert" className="team-error">
          {t('team.error', { message: loadError })}
        </p>
      )}
      {!loaded ? (
        <p className="team-muted">{t('team.access.loading')}</p>
      ) : accounts.length === 0 ? (
        <p className="team-muted">{t('team.access.none')}</p>
      ) : (
        accounts.map(a => <AccountRow key={a.id} t={t} account={a} online={online} setError={setError} />)
      )}
    </section>
  );
}

type RowProps = {
  readonly t: TeamT;
  readonly account: WorkspaceAccount;
  readonly online: boolean;
  readonly setError: (e: string | null) => void;
};

function AccountRow({ t, account, online, setError }: RowProps) {
  const members = useWorkspace(s => s.members);
  const setAccountMember = useTeamAdmin(s => s.setAccountMember);
  const setReadReceipts = useTeamAdmin(s => s.setReadReceipts);
  const [receipts, setReceipts] = useState<boolean | null>(null);
  const helpId = useId();
  // The box shows the admin's choice at once; the server's answer (or a refusal) then decides.
  const [pending, setPending] = useState<{ readonly memberId: string; readonly member: boolean } | null>(null);

  const toggle = async (memberId: string, member: boolean) => {
    setPending({ memberId, member });
    const r = await setAccountMember(account.id, memberId, member);
    setPending(null);
    setError(r.ok ? null : phrase(t, adminErrorPhrase(r.error, 'membership')));
  };
  const toggleReceipts = async (enabled: boolean) => {
    setReceipts(enabled);
    const r = await setReadReceipts(account.id, enabled);
    setReceipts(null);
    setError(r.ok ? null : phrase(t, adminErrorPhrase(r.error, 'membership')));
  };

  return (
    <fieldset className="team-access-account" data-testid="team-account-access">
      <legend>
        {account.name}
        {account.phone ? ` · +${account.phone}` : ''}{' '}
        <span className="team-muted">
          ({account.hostOnline ? t('team.access.hostOnline') : t('team.access.hostOffline')})
        </span>
      </legend>
      {accountAccessRows(account, members).map(({ member, checked, fixed }) => (
        <label key={member.id} className="team-check">
          <input
            type="checkbox"
            checked={pending?.memberId === member.id ? pending.member : checked}
            disabled={fixed || !online || (pending !== null && pending.memberId !== member.id)}
            onChange={e => void toggle(member.id, e.target.checked)}
          />
          {fixed ? t('team.access.adminAlways', { name: member.name }) : member.name}
        </label>
      ))}
      <label className="team-check team-access-receipts">
        <input
          type="checkbox"
          checked={receipts ?? account.readReceipts}
          disabled={!online || receipts !== null}
          aria-describedby={helpId}
          onChange={e => void toggleReceipts(e.target.checked)}
        />
        {t('team.access.readReceipts')}
      </label>
      <p id={helpId} className="team-muted small">
        {t('team.access.readReceipts.help')}
      </p>
    </fieldset>
  );
}
