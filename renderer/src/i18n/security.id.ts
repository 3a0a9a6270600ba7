import type { SecurityMessageKey } from './security.en';

/** Bahasa Indonesia strings of the security features; typed so a missing key fails to compile. */
export const securityId: Record<SecurityMessageKey, string> = {
  'security.heading': 'Keamanan',
  'security.devices.heading': 'Perangkat Anda',
  'security.devices.intro':
    'Perangkat yang masuk ke ruang kerja sebagai Anda. Keluarkan perangkat yang tidak Anda kenali.',
  'security.devices.device': 'Perangkat',
  'security.devices.lastSeen': 'Terakhir aktif',
  'security.devices.ip': 'Alamat',
  'security.devices.created': 'Masuk sejak',
  'security.devices.current': 'Perangkat ini',
  'security.devices.signOut': 'Keluarkan perangkat ini',
  'security.devices.signOutOf': 'Keluarkan {device}',
  'security.devices.signedOut': '{device} telah dikeluarkan. Perangkat itu harus masuk lagi.',
  'security.devices.none': 'Tidak ada perangkat yang masuk.',
  'security.devices.loading': 'Memuat perangkat…',
  'security.devices.offline': 'Daftar perangkat memerlukan koneksi ke server ruang kerja.',
  'security.devices.failed': 'Tidak dapat memuat perangkat: {message}',
  'security.devices.signOutFailed': 'Tidak dapat mengeluarkan perangkat: {message}',
  'security.devices.unknownIp': 'tidak diketahui',
  'security.platform.win': 'Windows',
  'security.platform.mac': 'Mac',
  'security.platform.linux': 'Linux',
  'security.platform.web': 'Web',
  'security.platform.other': 'Lainnya',
  'security.admin.heading': 'Perangkat anggota',
  'security.admin.member': 'Anggota',
  'security.admin.intro':
    'Pilih anggota untuk melihat perangkat yang masuk sebagai dia, dan keluarkan perangkat mana pun.',
  'security.expired.notice': 'Sesi Anda telah berakhir. Silakan masuk lagi; chat di perangkat ini tetap tersimpan.',
  'security.refused.notice':
    'Ruang kerja tidak lagi menerima sesi perangkat ini. Silakan masuk lagi; chat di perangkat ini tetap tersimpan.',
};
