import type { OfflineMessageKey } from './offline.en';

/** Bahasa Indonesia strings of status/tag changes made offline. */
export const offlineId: Record<OfflineMessageKey, string> = {
  'offline.field.status': 'Status',
  'offline.field.tags': 'Tag',
  'offline.waiting': '{field}: {value} — menunggu dikirim',
  'offline.conflict': '{field} sementara itu diubah menjadi {theirs} (chat dipegang {who}); milik Anda: {mine}.',
  'offline.refused': '{field}: workspace menolak perubahan Anda menjadi {mine}.',
  'offline.someone': 'tidak ada',
  'offline.noTags': 'tanpa tag',
  'offline.applyMine': 'Pakai milik saya',
  'offline.keepTheirs': 'Pakai milik mereka',
  'offline.status.open': 'Terbuka',
  'offline.status.pending': 'Tertunda',
  'offline.status.resolved': 'Selesai',
};
