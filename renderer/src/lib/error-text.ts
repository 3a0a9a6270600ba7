/**
 * The words for an error reply. The core and the server send a code and a developer's
 * detail in English; English readers keep that detail (it names what was wrong), readers
 * in another language get the code's meaning in their language instead of English text.
 */
import type { ReplyError } from '../../../common/result';
import type { Language } from '../i18n';
import { useI18n } from '../i18n';
import type { ErrorsMessageKey } from '../i18n/errors.en';
import { errorsEn } from '../i18n/errors.en';
import { errorsId } from '../i18n/errors.id';

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<ErrorsMessageKey, string>>>> = {
  en: errorsEn,
  id: errorsId,
};

type ErrorLike = Pick<ReplyError, 'message'> & { readonly code: string };

export function errorTextIn(language: Language, error: ErrorLike): string {
  if (language === 'en' && error.message.trim()) return error.message;
  const dictionary = DICTIONARIES[language];
  const key = `error.${error.code}`;
  return key in dictionary
    ? dictionary[key as ErrorsMessageKey]
    : dictionary['error.other'].replace('{code}', error.code.slice(0, 40));
}

/** In the language the user chose, at the moment the error arrives. */
export const errorText = (error: ErrorLike): string => errorTextIn(useI18n.getState().language, error);
