import { useCallback } from 'react';
import type { AuditMessageKey } from '../../i18n/audit.en';
import { auditEn } from '../../i18n/audit.en';
import { auditId } from '../../i18n/audit.id';
import type { Dictionaries } from '../../i18n/dictionary';
import { dictionaryTranslator, useDictionary } from '../../i18n/dictionary';
import { useI18n } from '../../i18n';
import type { AuditT } from './logic';

/** The Audit log's own dictionaries. */
const dictionaries: Dictionaries<AuditMessageKey> = { en: auditEn, id: auditId };

export const auditTranslate = dictionaryTranslator(dictionaries);
export const useAuditT = (): AuditT => useDictionary(dictionaries);

/** Times in the viewer's own time zone, in their language's format. */
export function useTimeFormat(): (ms: number) => string {
  const language = useI18n(s => s.language);
  return useCallback(
    (ms: number) =>
      new Date(ms).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }),
    [language],
  );
}
