/**
 * An `accounts:alerted` event in words: the core sends codes (what happened, why), and the
 * sentence is built here in the reader's language. The raw detail is never part of it.
 */
import type { AccountAlert } from '../../../../common/api/accounts';
import type { Language } from '../../i18n';
import { fill } from '../../i18n/dictionary';
import type { AccountStatusMessageKey } from '../../i18n/account-status.en';
import { accountStatusEn } from '../../i18n/account-status.en';
import { accountStatusId } from '../../i18n/account-status.id';
import type { AlertsMessageKey } from '../../i18n/alerts.en';
import { alertsEn } from '../../i18n/alerts.en';
import { alertsId } from '../../i18n/alerts.id';
import { stripBidi } from '../../lib/text';

const ALERTS: Readonly<Record<Language, Readonly<Record<AlertsMessageKey, string>>>> = { en: alertsEn, id: alertsId };
const STATUS: Readonly<Record<Language, Readonly<Record<AccountStatusMessageKey, string>>>> = {
  en: accountStatusEn,
  id: accountStatusId,
};

function headline(alert: AccountAlert): { key: AlertsMessageKey; count?: number } {
  if (alert.code === 'recovered' && alert.downtimeMs !== null)
    return alert.downtimeMs < 60_000
      ? { key: 'alert.recoveredAfterSeconds', count: Math.max(1, Math.round(alert.downtimeMs / 1000)) }
      : { key: 'alert.recoveredAfterMinutes', count: Math.round(alert.downtimeMs / 60_000) };
  if (alert.code === 'gave_up' && alert.tries !== null) return { key: 'alert.gave_upAfterTries', count: alert.tries };
  return { key: `alert.${alert.code}` };
}

export function alertText(language: Language, alert: AccountAlert): string {
  const { key, count } = headline(alert);
  const text = fill(ALERTS[language][key], { name: stripBidi(alert.accountName), ...(count ? { count } : {}) });
  const reasonKey = `status.${alert.reasonCode ?? ''}`;
  const reason =
    alert.code !== 'recovered' && reasonKey in STATUS[language]
      ? STATUS[language][reasonKey as AccountStatusMessageKey]
      : null;
  return reason ? `${text} ${reason}` : text;
}
