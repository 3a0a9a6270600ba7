import type { ShellLabels } from '../../common/api/app';

/** The tray's words as the page sends them in Bahasa Indonesia (renderer/src/i18n/tray.id.ts). */
export const INDONESIAN_TRAY_LABELS: ShellLabels = {
  show: 'Tampilkan Blazz Desk',
  pauseNotifications: 'Jeda notifikasi',
  quit: 'Keluar',
  unread: 'Blazz Desk — {count} belum dibaca',
  states: { qr: 'Perlu kode QR', logged_out: 'Keluar', failed: 'Gagal' },
};
