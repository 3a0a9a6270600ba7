/**
 * The server's language detector (common/automation/language.ts), loaded on the first
 * rule that asks for a language: `createRequire` keeps tinyld's 400 ms model load off the
 * server's start.
 */
import { createRequire } from 'node:module';
import type { LanguageDetect } from '../../../common/automation/language';
import { languageDetector } from '../../../common/automation/language';

export const detectLanguage = languageDetector(
  () => (createRequire(import.meta.url)('tinyld') as { detect: LanguageDetect }).detect,
);
