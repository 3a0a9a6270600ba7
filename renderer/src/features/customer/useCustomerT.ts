import { useCallback } from 'react';
import type { CustomerMessageKey } from '../../i18n/customer.en';
import { customerEn } from '../../i18n/customer.en';
import { customerId } from '../../i18n/customer.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';
import { useI18n } from '../../i18n';

/** The customer panel keeps its own dictionaries. */
const dictionaries: Dictionaries<CustomerMessageKey> = { en: customerEn, id: customerId };

export type CustomerT = Translator<CustomerMessageKey>;
export const useCustomerT = (): CustomerT => useDictionary(dictionaries);

/** A calendar date in the viewer's language (contact dates need no clock time). */
export function useDateFormat(): (ms: number) => string {
  const language = useI18n(s => s.language);
  return useCallback(
    (ms: number) => new Date(ms).toLocaleDateString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' }),
    [language],
  );
}
