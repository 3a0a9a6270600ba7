import type { Account } from '../../../../common/domain';
import { ConnectionBanner } from '../../components/ConnectionBanner';
import { SafeText } from '../../components/SafeText';
import { useI18n, useT } from '../../i18n';
import { alertText } from '../accounts/alert-text';
import { useAccounts } from '../../stores/accounts';
import { useAppStore } from '../../stores/app';
import { stateLabelKey } from '../accounts/states';
import { useReasonText } from '../accounts/account-status';

const TROUBLE = new Set(['disconnected', 'degraded', 'failed', 'logged_out']);

/** The app's bridge, then every number in trouble, then recent alerts from the core. */
export function Banners() {
  const t = useT();
  const language = useI18n(s => s.language);
  const connection = useAppStore(s => s.connection);
  const { accounts, alerts, dismissAlert } = useAccounts();
  const troubled = accounts.filter(a => TROUBLE.has(a.state));
  return (
    <div className="banners">
      <ConnectionBanner state={connection} />
      {troubled.map(a => (
        <div
          key={a.id}
          role="status"
          className={`banner banner-account tone-${a.state}`}
          style={{ borderLeftColor: a.color }}
        >
          {t('banner.account')} <SafeText text={a.name} />: {t(stateLabelKey(a))}
          <BannerReason account={a} />
        </div>
      ))}
      {alerts.map(alert => (
        <div
          key={`${alert.accountId}-${alert.code}`}
          role={alert.level === 'error' ? 'alert' : 'status'}
          className={`banner banner-${alert.level}`}
        >
          <span title={alert.detail ?? undefined}>
            <SafeText text={alertText(language, alert)} />
          </span>{' '}
          <button type="button" className="link-button" onClick={() => dismissAlert(alert)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}

function BannerReason({ account }: { readonly account: Account }) {
  const reason = useReasonText(account);
  return reason ? <span title={account.stateReason ?? undefined}>{` — ${reason}`}</span> : null;
}
