import type { MfaMessageKey } from './mfa.en';

/** Bahasa Indonesia strings of two-step sign-in; typed so a missing key fails to compile. */
export const mfaId: Record<MfaMessageKey, string> = {
  'mfa.heading': 'Masuk dua langkah',
  'mfa.intro': 'Selain kata sandi, saat masuk Anda diminta kode dari aplikasi autentikator di ponsel Anda.',
  'mfa.on': 'Masuk dua langkah aktif untuk akun Anda.',
  'mfa.off': 'Masuk dua langkah tidak aktif.',
  'mfa.start': 'Aktifkan masuk dua langkah',
  'mfa.scan': 'Pindai kode ini dengan aplikasi autentikator Anda, atau ketik kunci di bawah ke aplikasi itu.',
  'mfa.qrAlt': 'Kode QR untuk aplikasi autentikator Anda',
  'mfa.secret': 'Kunci untuk dimasukkan manual',
  'mfa.code': 'Kode dari aplikasi',
  'mfa.confirm': 'Konfirmasi dan aktifkan',
  'mfa.busy': 'Memproses…',
  'mfa.error.invalid': 'Kode itu salah. Masukkan kode yang sedang ditampilkan aplikasi.',
  'mfa.error.keyMissing':
    'Masuk dua langkah belum disiapkan di server ruang kerja ini. Minta administrator server mengatur MFA_ENCRYPTION_KEY.',
  'mfa.error.offline': 'Hubungkan ke server ruang kerja untuk mengubah masuk dua langkah.',
  'mfa.error.failed': 'Tidak dapat mengubah masuk dua langkah: {message}',
  'mfa.recovery.heading': 'Kode pemulihan',
  'mfa.recovery.intro':
    'Simpan kode-kode ini di tempat aman, terpisah dari ponsel Anda. Setiap kode dapat dipakai sekali untuk masuk sebagai ganti kode dari aplikasi. Kode hanya ditampilkan sekarang.',
  'mfa.recovery.saved': 'Saya sudah menyimpan kode ini',
  'mfa.recovery.left': 'Sisa kode pemulihan: {count}',
  'mfa.disable.code': 'Kode dari aplikasi, untuk menonaktifkan',
  'mfa.disable': 'Nonaktifkan masuk dua langkah',
  'mfa.signIn.code': 'Kode autentikator',
  'mfa.signIn.asked': 'Masukkan kode 6 digit dari aplikasi autentikator Anda, atau salah satu kode pemulihan Anda.',
  'mfa.signIn.invalid': 'Kode itu salah atau sudah dipakai. Masukkan kode yang berlaku sekarang.',
};
