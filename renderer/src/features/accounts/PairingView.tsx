import type { Account } from '../../../../common/domain';
import { useT } from '../../i18n';
import { QrImage } from './QrImage';
import { AccountStatusDetails } from './account-status';

/** What to do on the phone: scan the QR, or type the pairing code; then the state. */
export function PairingView({ account }: { readonly account: Account }) {
  const t = useT();
  return (
    <div className="pairing" aria-live="polite">
      {account.qr && account.state === 'qr' && (
        <>
          <p>{t('account.qr.howto')}</p>
          <QrImage value={account.qr} accountName={account.name} />
        </>
      )}
      {account.pairingCode && (
        <p>
          {t('account.pairing.howto')}{' '}
          <strong className="pairing-code" aria-label={t('account.pairing.code')}>
            {account.pairingCode}
          </strong>
        </p>
      )}
      <AccountStatusDetails account={account} />
    </div>
  );
}
