import type { ComposerHintsMessageKey } from './composer-hints.en';

/** Bahasa Indonesia strings of the composer's hints (features/composer). */
export const composerHintsId: Record<ComposerHintsMessageKey, string> = {
  'composerHints.attachOverNumber': 'Nomor ini menerima berkas {kind} hingga {max}.',
  'composerHints.attachLimit': 'Lampirkan berkas (nomor ini menerima gambar hingga {image}, dokumen hingga {document})',
  'composerHints.preparing': 'Menyiapkan {name}…',
  'composerHints.voice.record': 'Rekam pesan suara',
  'composerHints.voice.limit': 'hingga {time} menit; berhenti dengan sendirinya',
  'composerHints.voice.recording': 'Merekam pesan suara',
  'composerHints.voice.send': 'Kirim pesan suara',
  'composerHints.voice.cancel': 'Buang pesan suara',
  'composerHints.voice.denied':
    'Mikrofon diblokir. Izinkan aplikasi ini memakainya di pengaturan peramban atau sistem, lalu coba lagi.',
  'composerHints.voice.noMicrophone': 'Tidak ada mikrofon yang ditemukan.',
  'composerHints.voice.unsupported': 'Peramban ini tidak dapat merekam audio.',
  'composerHints.voice.failed': 'Pesan suara tidak dapat direkam.',
  'composerHints.voice.note': 'Pesan suara',
  'composerHints.kind.image': 'gambar',
  'composerHints.kind.video': 'video',
  'composerHints.kind.audio': 'audio',
  'composerHints.kind.document': 'dokumen',
  'composerHints.noTemplates': 'Belum ada templat. Tambahkan di Pengaturan → Templat, lalu ketik / dan pintasannya.',
};
