import type { ComposerHintsMessageKey } from './composer-hints.en';

/** Bahasa Indonesia strings of the composer's hints (features/composer). */
export const composerHintsId: Record<ComposerHintsMessageKey, string> = {
  'composerHints.noTemplates': 'Belum ada templat. Tambahkan di Pengaturan → Templat, lalu ketik / dan pintasannya.',
};
