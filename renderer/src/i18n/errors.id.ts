import type { ErrorsMessageKey } from './errors.en';

/** Bahasa Indonesia: what an error code means. */
export const errorsId: Readonly<Record<ErrorsMessageKey, string>> = {
  'error.unknown_command': 'Versi aplikasi ini tidak dapat melakukannya. Perbarui aplikasi.',
  'error.invalid_args': 'Permintaan tidak valid.',
  'error.payload_too_large': 'Terlalu besar untuk dikirim.',
  'error.forbidden': 'Anda tidak diizinkan melakukan ini.',
  'error.unauthenticated': 'Masuk lagi untuk melanjutkan.',
  'error.not_found': 'Sudah tidak ada, atau Anda tidak dapat melihatnya.',
  'error.conflict': 'Orang lain mengubahnya pada saat yang sama. Coba lagi.',
  'error.rate_limited': 'Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.',
  'error.unavailable': 'Server workspace tidak dapat dijangkau saat ini.',
  'error.timeout': 'Tidak ada jawaban tepat waktu. Coba lagi.',
  'error.too_late': 'Sudah terlambat untuk itu sekarang.',
  'error.unsupported': 'Nomor ini tidak bisa melakukan itu.',
  'error.lid_only': 'Nomor kontak ini disembunyikan; balas dari nomor yang mereka hubungi.',
  'error.internal': 'Terjadi kesalahan di aplikasi.',
  'error.other': 'Terjadi kesalahan ({code}).',
};
