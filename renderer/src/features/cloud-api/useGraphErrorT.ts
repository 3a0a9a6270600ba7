/**
 * The sentence for a Cloud API error code, in the reader's language. A code this build does
 * not know (a newer server) gets the generic refusal rather than a raw code.
 */
import { useCallback } from 'react';
import { GRAPH_ERROR_CODES } from '../../../../common/cloud/constants';
import type { GraphErrorCode } from '../../../../common/cloud-api';
import type { Language } from '../../i18n';
import { useI18n } from '../../i18n';
import { graphErrorsEn } from '../../i18n/graph-errors.en';
import { graphErrorsId } from '../../i18n/graph-errors.id';

const dictionaries = { en: graphErrorsEn, id: graphErrorsId } as const;

const isGraphErrorCode = (code: string): code is GraphErrorCode =>
  (GRAPH_ERROR_CODES as readonly string[]).includes(code);

export function graphErrorText(language: Language, code: string): string {
  return dictionaries[language][`graphError.${isGraphErrorCode(code) ? code : 'bad_request'}`];
}

export function useGraphErrorT(): (code: string) => string {
  const language = useI18n(s => s.language);
  return useCallback((code: string) => graphErrorText(language, code), [language]);
}
