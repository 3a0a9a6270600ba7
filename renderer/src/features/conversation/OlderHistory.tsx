/**
 * The top of a conversation while older history comes from the phone: loading, the chat's
 * beginning, the depth limit, or why it failed with a way to try again.
 */
import type { Account } from '../../../../common/domain';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { HistoryMessageKey } from '../../i18n/history.en';
import { historyEn } from '../../i18n/history.en';
import { historyId } from '../../i18n/history.id';
import type { PhoneHistory } from '../../stores/conversation';

const dictionaries: Dictionaries<HistoryMessageKey> = { en: historyEn, id: historyId };
export const useHistoryT = (): Translator<HistoryMessageKey> => useDictionary(dictionaries);

export function OlderHistory({
  phone,
  account,
  onRetry,
}: {
  readonly phone: PhoneHistory;
  readonly account: Account | undefined;
  readonly onRetry: () => void;
}) {
  const t = useHistoryT();
  switch (phone) {
    case 'idle':
      return null;
    case 'loading':
      return (
        <div className="loader-row small muted" role="status">
          {t('history.loading')}
        </div>
      );
    case 'start':
    case 'limit':
      return (
        <div className="loader-row small muted history-edge" role="note">
          {t(phone === 'start' ? 'history.start' : 'history.limit')}
        </div>
      );
    case 'offline':
    case 'failed':
      return (
        <div className="loader-row small" role="alert">
          <span className="error-text">
            {phone === 'offline' ? t('history.offline', { account: account?.name ?? '' }) : t('history.failed')}
          </span>{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('history.retry')}
          </button>
        </div>
      );
  }
}
