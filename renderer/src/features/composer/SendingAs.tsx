import type { Account, AccountId, Chat } from '../../../../common/domain';
import { SafeText } from '../../components/SafeText';
import { useT } from '../../i18n';
import { readableTextOn } from '../../lib/contrast';
import { formatPhone, stripBidi } from '../../lib/text';
import { useAccounts } from '../../stores/accounts';
import { stateLabelKey } from '../accounts/states';
import { senderChoices } from './sender-choices';

/**
 * "Sending as <number>" in that number's colour, right above the text box, with a choice
 * of another number (which then asks for confirmation on send).
 */
export function SendingAs({
  chat,
  from,
  onChange,
}: {
  readonly chat: Chat;
  readonly from: Account | undefined;
  readonly onChange: (id: AccountId) => void;
}) {
  const t = useT();
  const accounts = senderChoices(
    useAccounts(s => s.accounts),
    chat,
    from,
  );
  const color = from?.color ?? '#9aa5b1';
  const other = from !== undefined && from.id !== chat.accountId;
  return (
    <div
      className={`sending-as${other ? ' other' : ''}`}
      style={{ background: color, color: readableTextOn(color) }}
      role="status"
      aria-label={t('composer.sendingAsLabel')}
    >
      <span className="sending-as-text">
        {t('composer.sendingAs')}{' '}
        <strong>
          <SafeText text={from?.name ?? t('account.unknown')} />
        </strong>
        {from?.phone ? ` (${formatPhone(from.phone)})` : ''}
        {from && from.state !== 'ready' ? ` — ${t(stateLabelKey(from))}` : ''}
      </span>
      {accounts.length > 1 && (
        <select
          aria-label={t('composer.sendFrom')}
          value={from?.id ?? chat.accountId}
          onChange={e => onChange(e.target.value as AccountId)}
        >
          {accounts.map(a => (
            <option key={a.id} value={a.id}>
              {stripBidi(a.name)}
              {a.id === chat.accountId ? ` ${t('composer.customerWroteHere')}` : ''}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
