import { composerHintsEn } from '../../i18n/composer-hints.en';
import type { ComposerHintsMessageKey } from '../../i18n/composer-hints.en';
import { composerHintsId } from '../../i18n/composer-hints.id';
import type { Dictionaries } from '../../i18n/dictionary';
import { useDictionary } from '../../i18n/dictionary';

const dictionaries: Dictionaries<ComposerHintsMessageKey> = { en: composerHintsEn, id: composerHintsId };

/** Shown above the composer when "/" is typed and there is no template: says how to add one. */
export function NoTemplatesHint() {
  const t = useDictionary(dictionaries);
  return (
    <p className="suggestions small" role="status">
      {t('composerHints.noTemplates')}
    </p>
  );
}
