/**
 * An account's state in words: the state, why (its code, translated), what to check, when
 * the next automatic try is, and the raw detail only behind "Technical details".
 */
import { useEffect, useState } from 'react';
import type { Account } from '../../../../common/domain';
import { useT } from '../../i18n';
import type { Dictionaries } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { AccountStatusMessageKey } from '../../i18n/account-status.en';
import { accountStatusEn } from '../../i18n/account-status.en';
import { accountStatusId } from '../../i18n/account-status.id';
import { stateLabelKey } from './states';

const DICTIONARIES: Dictionaries<AccountStatusMessageKey> = { en: accountStatusEn, id: accountStatusId };

export const useAccountStatusT = () => useDictionary(DICTIONARIES);

type StatusFields = Pick<Account, 'stateCode' | 'retryAt' | 'stoppedAfterTries' | 'state'>;

/** The code's sentence; null when the account has nothing to explain. */
export function useReasonText(account: Pick<Account, 'stateCode' | 'state'>): string | null {
  const s = useAccountStatusT();
  if (!account.stateCode || account.state === 'ready') return null;
  return s(`status.${account.stateCode}`);
}

/** What to check next, for codes a person can act on; null otherwise. */
export function useNextStep(account: Pick<Account, 'stateCode'>): string | null {
  const s = useAccountStatusT();
  const key = `status.${account.stateCode ?? ''}.next`;
  return key in accountStatusEn ? s(key as AccountStatusMessageKey) : null;
}

/** Seconds until `at`, re-rendered every second while in the future. */
function useSecondsUntil(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [at]);
  return at === null ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

const clock = (seconds: number): string =>
  seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;

/** "Next try in 8 s" while a retry is scheduled, "Stopped after 3 tries" once it gave up. */
export function RetryLine({ account }: { readonly account: StatusFields }) {
  const s = useAccountStatusT();
  const seconds = useSecondsUntil(account.retryAt);
  if (account.stoppedAfterTries !== null && account.state === 'failed')
    return <span className="retry-line">{s('status.stoppedAfter', { count: account.stoppedAfterTries })}</span>;
  if (seconds === null) return null;
  return (
    <span className="retry-line" aria-live="off">
      {seconds > 0 ? s('status.nextTry', { time: clock(seconds) }) : s('status.tryingNow')}
    </span>
  );
}

/** The full explanation, as the add dialog and the pairing view show it. */
export function AccountStatusDetails({ account }: { readonly account: Account }) {
  const t = useT();
  const s = useAccountStatusT();
  const reason = useReasonText(account);
  const next = useNextStep(account);
  return (
    <div className="account-status">
      <p role="status">
        <strong>{t(stateLabelKey(account))}</strong>
        {reason ? ` — ${reason}` : ''} <RetryLine account={account} />
      </p>
      {next && account.state !== 'ready' && (
        <p className="account-status-next">
          {s('status.whatToCheck')}: {next}
        </p>
      )}
      {account.stateReason && account.state !== 'ready' && (
        <details className="small muted">
          <summary>{s('status.details')}</summary>
          <pre className="account-status-raw">{account.stateReason}</pre>
        </details>
      )}
    </div>
  );
}
