import { useMenu } from '../../components/useMenu';
import type { Account } from '../../../../common/domain';
import { useT } from '../../i18n';

export type AccountAction = 'pair' | 'edit' | 'start' | 'stop' | 'logout' | 'remove';

/** The actions of one number, as a small keyboard-friendly menu. */
export function AccountMenu({
  account,
  onPick,
  onClose,
}: {
  readonly account: Account;
  readonly onPick: (a: AccountAction) => void;
  readonly onClose: () => void;
}) {
  const t = useT();
  const ref = useMenu(onClose);
  const running = !['stopped', 'failed', 'logged_out'].includes(account.state);
  const items: { a: AccountAction; label: string; danger?: boolean }[] = [
    ...(account.state === 'qr' || account.state === 'pairing_code'
      ? [{ a: 'pair' as const, label: t('account.action.pair') }]
      : []),
    { a: 'edit', label: t('account.action.edit') },
    running ? { a: 'stop', label: t('account.action.stop') } : { a: 'start', label: t('account.action.start') },
    { a: 'logout', label: t('account.action.logout'), danger: true },
    { a: 'remove', label: t('account.action.remove'), danger: true },
  ];
  const onKeyDown = (e: React.KeyboardEvent) => {
    const list = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = list[(at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length];
      next?.focus();
    }
  };
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={t('account.actionsFor', { name: account.name })}
      className="menu"
      onKeyDown={onKeyDown}
    >
      {items.map(i => (
        <button
          key={i.a}
          type="button"
          role="menuitem"
          className={i.danger ? 'danger-text' : undefined}
          onClick={() => onPick(i.a)}
        >
          {i.label}
        </button>
      ))}
    </div>
  );
}
