import type { ExportMessageKey } from './export.en';

/** Bahasa Indonesia strings of conversation export. */
export const exportId: Readonly<Record<ExportMessageKey, string>> = {
  'export.menu': 'Ekspor percakapan',
  'export.html': 'Ekspor sebagai HTML (dengan media)',
  'export.text': 'Ekspor sebagai teks biasa',
  'export.working': 'Mengekspor… {n} pesan',
  'export.done': '{n} pesan diekspor ke {file}.',
  'export.capped': '{n} pesan terbaru diekspor ke {file} (batasnya).',
  'export.failed': 'Tidak dapat mengekspor: {message}',
  'export.title': 'Percakapan dengan {name} di {account}',
  'export.generated': 'Diekspor {date}',
  'export.you': 'Anda',
  'export.deleted': 'Pesan ini telah dihapus',
  'export.kind.image': 'Foto',
  'export.kind.video': 'Video',
  'export.kind.audio': 'Audio',
  'export.kind.voice': 'Pesan suara',
  'export.kind.document': 'Dokumen',
  'export.kind.sticker': 'Stiker',
  'export.kind.location': 'Lokasi',
  'export.kind.contact_card': 'Kartu kontak',
  'export.kind.other': 'Pesan tidak ditampilkan',
  'export.mediaMissing': '(berkas tidak tersedia)',
};
