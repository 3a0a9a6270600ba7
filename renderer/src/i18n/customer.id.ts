import type { CustomerMessageKey } from './customer.en';

/** Bahasa Indonesia strings of the customer panel. */
export const customerId: Readonly<Record<CustomerMessageKey, string>> = {
  'customer.open': 'Detail pelanggan',
  'customer.close': 'Tutup detail pelanggan',
  'customer.heading': 'Pelanggan',
  'customer.loading': 'Memuat…',
  'customer.failed': 'Tidak dapat memuat pelanggan: {message}',
  'customer.hiddenNumber': 'Nomor tersembunyi',
  'customer.hiddenNumber.hint':
    'WhatsApp menyembunyikan nomor orang ini. Nomornya muncul setelah ia membagikannya atau menyimpan nomor Anda.',
  'customer.firstContact': 'Kontak pertama',
  'customer.lastContact': 'Kontak terakhir',
  'customer.never': 'Belum ada pesan tersimpan',
  'customer.conversations': 'Percakapan di nomor kita',
  'customer.conversation': '{account}, pesan terakhir {date}',
  'customer.conversation.empty': '{account}, belum ada pesan',
  'customer.current': 'sedang dibuka',
  'customer.media': 'Media bersama',
  'customer.media.none': 'Belum ada media yang dibagikan.',
  'customer.media.item': '{kind} · {date} · {account}',
  'customer.kind.image': 'Foto',
  'customer.kind.video': 'Video',
  'customer.kind.audio': 'Audio',
  'customer.kind.voice': 'Pesan suara',
  'customer.kind.document': 'Dokumen',
  'customer.kind.sticker': 'Stiker',
  'customer.kind.other': 'Berkas',
};
