import type { MessageKey } from './en';

/** Bahasa Indonesia. */
export const id: Record<MessageKey, string> = {
  'app.title': 'Blazz Desk',
  'app.tagline': 'Kotak masuk WhatsApp untuk tim Anda',
  'shell.electron': 'Aplikasi desktop',
  'shell.headless': 'Host tanpa layar',
  'about.heading': 'Tentang instalasi ini',
  'about.version': 'Versi',
  'about.shell': 'Berjalan sebagai',
  'about.platform': 'Platform',
  'about.dataDir': 'Folder data',
  'accounts.heading': 'Akun WhatsApp',
  'accounts.empty': 'Belum ada akun WhatsApp.',
  'accounts.emptyHint': 'Tambahkan nomor untuk mulai menerima percakapan di sini.',
  'connection.connecting': 'Menghubungkan ke Blazz Desk…',
  'connection.disconnected': 'Koneksi ke aplikasi terputus. Menyambung ulang…',
  'connection.unauthorized':
    'Halaman ini tidak memiliki token akses yang sah. Buka alamat yang dicetak oleh `npm run serve`.',
  'error.loadFailed': 'Gagal memuat: {message}',
  'common.retry': 'Coba lagi',
};
