import type { BackupMessageKey } from './backup.en';

/** Bahasa Indonesia: Pengaturan → Cadangan. */
export const backupId: Readonly<Record<BackupMessageKey, string>> = {
  'backup.heading': 'Cadangan',
  'backup.help':
    'Salinan basis data desktop ini: chat, pesan, catatan, dan pengaturan. File media tidak termasuk. {kept} cadangan terbaru disimpan di {folder}; salin ke tempat lain agar aman.',
  'backup.create': 'Cadangkan sekarang',
  'backup.creating': 'Mencadangkan…',
  'backup.created': 'Tercadang: {messages} pesan dalam {chats} chat.',
  'backup.empty': 'Belum ada cadangan.',
  'backup.list': 'Cadangan',
  'backup.col.date': 'Dibuat',
  'backup.col.size': 'Ukuran',
  'backup.col.messages': 'Pesan',
  'backup.col.action': 'Tindakan',
  'backup.size': '{mb} MB',
  'backup.restore': 'Pulihkan…',
  'backup.restore.label': 'Pulihkan cadangan yang dibuat {date}',
  'backup.confirm':
    'Pulihkan cadangan yang dibuat {date}? Semua yang diterima atau diubah sejak itu hilang dari desktop ini (pesan tetap ada di ponsel). Basis data yang dipakai sekarang disimpan di sebelahnya.',
  'backup.confirm.yes': 'Pulihkan saat mulai berikutnya',
  'backup.confirm.no': 'Batal',
  'backup.pending':
    'Cadangan yang dibuat {date} akan dipulihkan saat Blazz Desk dimulai lagi. Mulai ulang Blazz Desk untuk menyelesaikannya.',
  'backup.pending.cancel': 'Jangan pulihkan',
  'backup.restored':
    'Dipulihkan dari cadangan yang dibuat {date} pada {at}. Basis data yang digantikan disimpan di {previous}.',
  'backup.problem.corrupt': 'Cadangan ini rusak dan tidak dapat dipulihkan.',
  'backup.problem.newer_version':
    'Cadangan ini dibuat oleh versi Blazz Desk yang lebih baru. Perbarui aplikasi dahulu.',
  'backup.problem.not_a_backup': 'File ini bukan cadangan Blazz Desk.',
  'backup.problem.not_found': 'Cadangan ini sudah tidak ada.',
};
