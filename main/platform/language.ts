/**
 * The desktop core's language detector (common/automation/language.ts), loaded on first
 * use: `createRequire` keeps tinyld out of the bundle's start-up imports (#23).
 */
import { createRequire } from 'node:module';
import type { LanguageDetect } from '../../common/automation/language';
import { languageDetector } from '../../common/automation/language';

export const detectLanguage = languageDetector(
  () => (createRequire(import.meta.url)('tinyld') as { detect: LanguageDetect }).detect,
);
