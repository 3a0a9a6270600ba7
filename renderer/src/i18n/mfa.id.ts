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
  'mfa.recovery.newCode': 'Kode dari aplikasi, untuk kode pemulihan baru',
  'mfa.recovery.regenerate': 'Buat kode pemulihan baru',
  'mfa.policy.heading': 'Kebijakan workspace',
  'mfa.policy.label': 'Admin wajib memakai masuk dua langkah',
  'mfa.policy.hint':
    'Admin yang belum memakainya hanya bisa mengaturnya: sampai saat itu desktopnya tidak menampilkan chat dan tidak dapat mengubah apa pun.',
  'mfa.policy.enrolFirst':
    'Aktifkan dulu masuk dua langkah Anda sendiri; setelah itu Anda bisa mewajibkannya untuk semua admin.',
  'mfa.required.banner':
    'Workspace Anda mewajibkan admin memakai masuk dua langkah. Atur sekarang agar dapat melihat chat tim lagi.',
  'mfa.required.open': 'Atur masuk dua langkah',
  'mfa.required.section': 'Workspace Anda mewajibkan ini untuk admin. Tidak ada yang disinkronkan sampai ini aktif.',
  'mfa.reset.start': 'Matikan masuk dua langkah',
  'mfa.reset.startOf': 'Matikan masuk dua langkah untuk {name}',
  'mfa.reset.confirmTitle': 'Matikan masuk dua langkah untuk {name}?',
  'mfa.reset.confirmBody':
    'Lakukan ini hanya jika {name} kehilangan ponsel dan kode pemulihannya. Ia dikeluarkan dari semua perangkat lalu masuk lagi hanya dengan kata sandi; setelah itu ia dapat mengaturnya lagi.',
  'mfa.reset.done': 'Masuk dua langkah untuk {name} sudah dimatikan, dan ia dikeluarkan dari semua perangkat.',
  'mfa.reset.notOn': '{name} tidak memakai masuk dua langkah.',
};
