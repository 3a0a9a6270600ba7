import { useCallback } from 'react';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import type { AuditMessageKey } from '../../i18n/audit.en';
import { auditEn } from '../../i18n/audit.en';
import { auditId } from '../../i18n/audit.id';
import type { AuditT } from './logic';

/** The Audit log's own dictionaries, in the language the user picked for the app. */
const dictionaries: Record<Language, Record<AuditMessageKey, string>> = { en: auditEn, id: auditId };

export function auditTranslate(
  language: Language,
  key: AuditMessageKey,
  vars?: Readonly<Record<string, string | number>>,
): string {
  const template = dictionaries[language][key];
  return vars ? template.replace(/\{(\w+)\}/g, (m, name: string) => String(vars[name] ?? m)) : template;
}

export function useAuditT(): AuditT {
  const language = useI18n(s => s.language);
  return useCallback<AuditT>((key, vars) => auditTranslate(language, key, vars), [language]);
}

/** Times in the viewer's own time zone, in their language's format. */
export function useTimeFormat(): (ms: number) => string {
  const language = useI18n(s => s.language);
  return useCallback(
    (ms: number) =>
      new Date(ms).toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' }),
    [language],
  );
}
