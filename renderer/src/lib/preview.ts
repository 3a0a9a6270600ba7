/**
 * The core sends what a message is (common/preview.ts), never English labels: the
 * translators here, in the reader's language, go with the wording in preview-line.ts.
 */
import { useI18n } from '../i18n';
import type { Dictionaries } from '../i18n/dictionary';
import { fill, useDictionary } from '../i18n/dictionary';
import type { PreviewMessageKey } from '../i18n/preview.en';
import { previewEn } from '../i18n/preview.en';
import { previewId } from '../i18n/preview.id';
import type { PreviewT } from './preview-line';

export { messagePreview, noticeText, previewLine } from './preview-line';
export type { PreviewT } from './preview-line';

export const PREVIEW_DICTIONARIES: Dictionaries<PreviewMessageKey> = { en: previewEn, id: previewId };

export const usePreviewT = (): PreviewT => useDictionary(PREVIEW_DICTIONARIES);
/** Outside React (notifications): the current language. */
export const previewT: PreviewT = (key, vars) => fill(PREVIEW_DICTIONARIES[useI18n.getState().language][key], vars);
