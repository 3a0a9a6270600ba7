import type { TemplateEditMessageKey } from '../../i18n/template-edit.en';
import { templateEditEn } from '../../i18n/template-edit.en';
import { templateEditId } from '../../i18n/template-edit.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

/** The template editor's own dictionaries (edit, confirm delete). */
const dictionaries: Dictionaries<TemplateEditMessageKey> = { en: templateEditEn, id: templateEditId };

export const useTemplateEditT = (): Translator<TemplateEditMessageKey> => useDictionary(dictionaries);
