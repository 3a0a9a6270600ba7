import type { RulesMessageKey } from '../../../i18n/rules.en';
import { rulesEn } from '../../../i18n/rules.en';
import { rulesId } from '../../../i18n/rules.id';
import type { Dictionaries, Translator } from '../../../i18n/dictionary';
import { useDictionary } from '../../../i18n/dictionary';

/** Settings → Automation → Rules' own dictionaries. */
const dictionaries: Dictionaries<RulesMessageKey> = { en: rulesEn, id: rulesId };

export type RulesT = Translator<RulesMessageKey>;
export const useRulesT = (): RulesT => useDictionary(dictionaries);

/** A refused command in words: its code's sentence when there is one. */
export function rulesErrorText(t: RulesT, code: string): string {
  return code === 'invalid_args' || code === 'forbidden' ? t(`rules.error.${code}`) : t('rules.error.other', { code });
}
