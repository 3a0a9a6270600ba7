import type { ComposerHintsMessageKey } from './composer-hints.en';

/** Bahasa Indonesia strings of the composer's hints (features/composer). */
export const composerHintsId: Record<ComposerHintsMessageKey, string> = {
  'composerHints.attachOverNumber': 'Nomor ini menerima berkas {kind} hingga {max}.',
  'composerHints.attachLimit':
    'Lampirkan berkas (hingga {max} dari desktop ini; nomor ini menerima gambar hingga {image}, dokumen hingga {document})',
  'composerHints.kind.image': 'gambar',
  'composerHints.kind.video': 'video',
  'composerHints.kind.audio': 'audio',
  'composerHints.kind.document': 'dokumen',
  'composerHints.noTemplates': 'Belum ada templat. Tambahkan di Pengaturan → Templat, lalu ketik / dan pintasannya.',
};
