import type { CloudMessageKey } from '../../i18n/cloud.en';
import { cloudEn } from '../../i18n/cloud.en';
import { cloudId } from '../../i18n/cloud.id';
import type { Dictionaries, Translator } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

/** Cloud API numbers' own dictionaries (Settings panel, composer window notice). */
const dictionaries: Dictionaries<CloudMessageKey> = { en: cloudEn, id: cloudId };

export type CloudT = Translator<CloudMessageKey>;
export const useCloudT = (): CloudT => useDictionary(dictionaries);

const REASONS = ['server_key_missing', 'graph_refused', 'number_exists', 'too_many_numbers'] as const;

/** The words for a refused command: the server's reason when it gave one, else its code. */
export function cloudErrorText(t: CloudT, error: { readonly code: string; readonly details?: unknown }): string {
  const d = error.details;
  const details = typeof d === 'object' && d !== null ? (d as Record<string, unknown>) : {};
  const reason = REASONS.find(r => r === details['reason']);
  if (reason) return t(`cloud.error.${reason}`, { graphCode: String(details['graphCode'] ?? '') });
  if (error.code === 'unavailable' || error.code === 'forbidden') return t(`cloud.error.${error.code}`);
  return t('cloud.error.other', { code: error.code });
}
