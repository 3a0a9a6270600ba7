import type { PreviewMessageKey } from './preview.en';

/** Bahasa Indonesia: message kinds in one line and group notices. */
export const previewId: Readonly<Record<PreviewMessageKey, string>> = {
  'preview.image': '📷 Foto',
  'preview.video': '🎥 Video',
  'preview.audio': '🎵 Audio',
  'preview.voice': '🎤 Pesan suara',
  'preview.document': '📄 Dokumen',
  'preview.sticker': 'Stiker',
  'preview.location': '📍 Lokasi',
  'preview.contact_card': '👤 Kontak',
  'preview.ciphertext': 'Menunggu pesan ini…',
  'preview.revoked': 'Pesan ini telah dihapus',
  'preview.labelled': '{label}: {text}',
  'notice.someone': 'Seseorang',
  'notice.someoneLower': 'seseorang',
  'notice.add': '{by} menambahkan {to}',
  'notice.joined': '{to} bergabung',
  'notice.invite': '{to} bergabung lewat tautan undangan',
  'notice.remove': '{by} mengeluarkan {to}',
  'notice.leave': '{to} keluar',
  'notice.promote': '{to} sekarang admin',
  'notice.demote': '{to} bukan admin lagi',
  'notice.subject': '{by} mengubah nama grup',
  'notice.description': '{by} mengubah deskripsi grup',
  'notice.picture': '{by} mengubah foto grup',
  'notice.other': 'Pengaturan grup diubah',
};
