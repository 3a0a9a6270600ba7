import type { AutomationMessageKey } from '../../i18n/automation.en';
import { automationEn } from '../../i18n/automation.en';
import { automationId } from '../../i18n/automation.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

/** Settings → Automation's own dictionaries. */
const dictionaries: Dictionaries<AutomationMessageKey> = { en: automationEn, id: automationId };

export type AutomationT = Translator<AutomationMessageKey>;
export const useAutomationT = (): AutomationT => useDictionary(dictionaries);
