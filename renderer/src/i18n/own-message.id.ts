import type { OwnMessageKey } from './own-message.en';

/** Bahasa Indonesia strings of the edit / delete-for-everyone actions on our own bubbles. */
export const ownMessageId: Record<OwnMessageKey, string> = {
  'ownMessage.menu': 'Edit atau hapus',
  'ownMessage.edit': 'Edit',
  'ownMessage.editLabel': 'Edit pesan',
  'ownMessage.editHint': 'Enter untuk menyimpan · Esc untuk batal',
  'ownMessage.save': 'Simpan',
  'ownMessage.cancel': 'Batal',
  'ownMessage.delete': 'Hapus untuk semua orang',
  'ownMessage.deleteTitle': 'Hapus untuk semua orang?',
  'ownMessage.deleteBody':
    'Pesan dihapus untuk pelanggan dan untuk tim Anda. Mereka akan melihat “Pesan ini telah dihapus”.',
  'ownMessage.error.not_found': 'Pesan ini sudah tidak ada di WhatsApp.',
  'ownMessage.error.forbidden': 'Hanya pesan yang dikirim dari nomor tim Anda yang bisa diubah.',
  'ownMessage.error.invalid_args': 'WhatsApp tidak mengizinkan ini untuk jenis pesan ini.',
  'ownMessage.error.too_late':
    'Sudah terlambat: WhatsApp mengizinkan edit selama 15 menit dan hapus untuk semua orang sekitar 2 hari setelah dikirim.',
  'ownMessage.error.unavailable': 'Nomor ini sedang tidak tersambung. Coba lagi setelah siap.',
  'ownMessage.error.unsupported':
    'Nomor WhatsApp Cloud API tidak bisa mengedit atau menghapus pesan yang sudah terkirim.',
  'ownMessage.relayed.edit':
    'Edit dikirim ke komputer yang menjalankan nomor ini. Edit diterapkan di sana, dan menunggu selama komputer itu offline.',
  'ownMessage.relayed.delete':
    'Penghapusan dikirim ke komputer yang menjalankan nomor ini. Diterapkan di sana, dan menunggu selama komputer itu offline.',
  'ownMessage.relayed.failed': 'Komputer yang menjalankan nomor ini tidak bisa mengubahnya: {reason}',
  'ownMessage.error.other': 'Pesan tidak dapat diubah ({code}).',
};
