import type { WebhooksMessageKey } from '../../i18n/webhooks.en';
import { webhooksEn } from '../../i18n/webhooks.en';
import { webhooksId } from '../../i18n/webhooks.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

/** Settings → Webhooks' own dictionaries. */
const dictionaries: Dictionaries<WebhooksMessageKey> = { en: webhooksEn, id: webhooksId };

export type WebhooksT = Translator<WebhooksMessageKey>;
export const useWebhooksT = (): WebhooksT => useDictionary(dictionaries);

/** The words for a refused command: the server's reason when it gave one, else its code. */
export function errorText(t: WebhooksT, error: { readonly code: string; readonly details?: unknown }): string {
  const details = error.details;
  const reason =
    typeof details === 'object' && details !== null && 'reason' in details ? String(details.reason) : undefined;
  if (reason === 'refused_target' || reason === 'no_server_key' || reason === 'too_many')
    return t(`webhooks.error.${reason}`);
  if (error.code === 'invalid_args' || error.code === 'forbidden') return t(`webhooks.error.${error.code}`);
  return t('webhooks.error.other', { code: error.code });
}
