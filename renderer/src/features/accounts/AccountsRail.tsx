import { useState } from 'react';
import type { Account, AccountId } from '../../../../common/domain';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { formatPhone, initialsOf } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { useInbox } from '../../stores/inbox';
import type { AccountAction } from './AccountMenu';
import { AccountMenu } from './AccountMenu';
import { EditAccountDialog } from './EditAccountDialog';
import { PairingView } from './PairingView';
import { stateLabelKey, stateTone } from './states';
import { RetryLine, useReasonText } from './account-status';
import { Icon } from '../../components/Icon';
import { OpeningStatus, useHoursLoader } from '../automation/OpeningStatus';
import '../layout/narrow.css';

/** Whole megabytes (MiB, as task managers show them): a process's memory moves by more. */
const megabytes = (bytes: number): number => Math.round(bytes / (1024 * 1024));

type Pending = { readonly action: AccountAction; readonly account: Account } | null;

/** Every number with its colour, state and unread badge; a click filters the inbox to it. */
export function AccountsRail() {
  const t = useT();
  const { accounts, act } = useAccounts();
  const filter = useInbox(s => s.filter);
  const setFilter = useInbox(s => s.setFilter);
  const openPanel = useAppStore(s => s.openPanel);
  const [menuFor, setMenuFor] = useState<AccountId | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  useHoursLoader();

  const toggle = (id: AccountId) => {
    const on = filter.accountIds.includes(id);
    setFilter({ accountIds: on ? [] : [id] });
  };
  const pick = (account: Account, action: AccountAction) => {
    setMenuFor(null);
    if (action === 'start' || action === 'stop') void act(action, account.id);
    else setPending({ action, account });
  };

  return (
    <nav className="rail" aria-label={t('accounts.heading')}>
      <h2 className="rail-title">{t('accounts.heading')}</h2>
      {accounts.length === 0 && <p className="muted small">{t('accounts.empty')}</p>}
      <ul className="rail-list">
        {accounts.map(a => {
          const selected = filter.accountIds.includes(a.id);
          return (
            <li key={a.id} className="rail-item">
              <button
                type="button"
                className={`account${selected ? ' selected' : ''}`}
                aria-pressed={selected}
                onClick={() => toggle(a.id)}
                title={t('accounts.filterTo', { name: a.name })}
                style={{ borderLeftColor: a.color }}
              >
                {/* Shown instead of the name when the rail is only icons (narrow window). */}
                <span className="account-initials" aria-hidden="true" style={{ borderColor: a.color }}>
                  {initialsOf(a.name)}
                </span>
                <span className="account-name">
                  <SafeText text={a.name} />
                  {a.muted && (
                    <span className="muted">
                      {' '}
                      <Icon name="bellOff" size={12} label={t('account.muted')} />
                    </span>
                  )}
                </span>
                <span className="account-phone muted small">{formatPhone(a.phone)}</span>
                {a.remote && (
                  <span className="account-remote muted small">
                    {t(a.remote.hostedBy === 'server' ? 'account.remote.server' : 'account.remote')}
                  </span>
                )}
                <OpeningStatus accountId={a.id} />
                <span className={`account-state small tone-${stateTone(a.state)}`}>
                  <span className="dot" aria-hidden="true" />
                  {t(stateLabelKey(a))}
                </span>
                {!a.remote && a.rssBytes !== null && (
                  <span className="account-memory muted small" title={t('account.memoryHint')}>
                    {t('account.memory', { mb: megabytes(a.rssBytes) })}
                  </span>
                )}
                <RailReason account={a} />
                <Badge
                  count={a.unreadCount}
                  muted={a.muted}
                  label={t('accounts.unread', { n: a.unreadCount, name: a.name })}
                />
              </button>
              {!a.remote && (
                <>
                  <button
                    type="button"
                    className="icon-button account-more"
                    aria-label={t('account.actionsFor', { name: a.name })}
                    aria-haspopup="menu"
                    aria-expanded={menuFor === a.id}
                    onClick={() => setMenuFor(menuFor === a.id ? null : a.id)}
                  >
                    <Icon name="more" />
                  </button>
                  {menuFor === a.id && (
                    <AccountMenu account={a} onPick={x => pick(a, x)} onClose={() => setMenuFor(null)} />
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="rail-add" onClick={() => openPanel('addAccount')}>
        <Icon name="plus" /> <span className="rail-add-label">{t('account.add.title')}</span>
      </button>
      {pending && <PendingAction pending={pending} onDone={() => setPending(null)} />}
    </nav>
  );
}

function PendingAction({ pending, onDone }: { readonly pending: NonNullable<Pending>; readonly onDone: () => void }) {
  const t = useT();
  const act = useAccounts(s => s.act);
  const live = useAccounts(s => s.byId.get(pending.account.id)) ?? pending.account;
  const { action } = pending;
  if (action === 'edit') return <EditAccountDialog account={live} onClose={onDone} />;
  if (action === 'pair')
    return (
      <Dialog title={t('account.action.pair')} onClose={onDone}>
        <PairingView account={live} />
      </Dialog>
    );
  const remove = action === 'remove';
  return (
    <ConfirmDialog
      title={remove ? t('account.remove.title', { name: live.name }) : t('account.logout.title', { name: live.name })}
      confirmLabel={remove ? t('account.action.remove') : t('account.action.logout')}
      danger
      onCancel={onDone}
      onConfirm={() => {
        onDone();
        void act(remove ? 'remove' : 'logout', live.id);
      }}
    >
      {remove ? t('account.remove.body') : t('account.logout.body')}
    </ConfirmDialog>
  );
}

/** Why, under the name: the code's words (the raw detail on hover), and the next try. */
function RailReason({ account }: { readonly account: Account }) {
  const reason = useReasonText(account);
  if (!reason) return null;
  return (
    <span className="small error-text" title={account.stateReason ?? undefined}>
      {reason} <RetryLine account={account} />
    </span>
  );
}
