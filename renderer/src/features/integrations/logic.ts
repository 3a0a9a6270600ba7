/** Pure rules of Settings → Integrations: refusals in the user's words. */
import type { ReplyError } from '../../../../common/result';
import type { IntegrationsMessageKey } from '../../i18n/integrations.en';

export type IntegrationsPhrase = {
  readonly key: IntegrationsMessageKey;
  readonly vars?: Readonly<Record<string, string | number>>;
};

/** By code, never the server's sentence (except as the last resort's detail). */
export function integrationsErrorPhrase(error: ReplyError): IntegrationsPhrase {
  if (error.code === 'forbidden') return { key: 'integrations.error.forbidden' };
  if (error.code === 'unavailable' || error.code === 'timeout') return { key: 'integrations.error.offline' };
  if (error.code === 'not_found') return { key: 'integrations.error.notFound' };
  if (error.code === 'conflict') return { key: 'integrations.error.tooMany' };
  return { key: 'integrations.error.failed', vars: { message: error.message } };
}
