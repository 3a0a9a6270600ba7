import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import type { IntegrationsMessageKey } from '../../i18n/integrations.en';
import { integrationsEn } from '../../i18n/integrations.en';
import { integrationsId } from '../../i18n/integrations.id';

/** Settings → Integrations keeps its own dictionaries. */
const dictionaries: Dictionaries<IntegrationsMessageKey> = { en: integrationsEn, id: integrationsId };

export type IntegrationsT = Translator<IntegrationsMessageKey>;
export const useIntegrationsT = (): IntegrationsT => useDictionary(dictionaries);
